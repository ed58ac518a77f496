namespace WhatsAppCampaigns.CloudApiSimulator.Control;

/// <summary>Error answers of the control API: RFC 7807 problem details.</summary>
internal static class ControlResults
{
    public static IResult BadRequest(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid control request");
}
