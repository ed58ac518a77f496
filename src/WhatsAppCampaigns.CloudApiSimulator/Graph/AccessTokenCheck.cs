namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>Bearer token check of Graph calls (the <c>access_token</c> query parameter is accepted too, as Graph does).</summary>
internal static class AccessTokenCheck
{
    public static GraphError? Verify(HttpRequest request, string expectedToken)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : request.Query["access_token"].ToString();
        if (token.Length == 0)
        {
            return GraphError.Of(GraphErrorCodes.AccessTokenInvalid, "An access token is required to request this resource.");
        }
        return string.Equals(token, expectedToken, StringComparison.Ordinal)
            ? null
            : GraphError.Of(GraphErrorCodes.AccessTokenInvalid, "Error validating access token: the token is invalid or has expired.");
    }
}
