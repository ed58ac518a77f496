namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>The typed result of a send: Graph either accepted the message or refused it with a classified error.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>HTTP 200: accepted for delivery (not yet delivered).</summary>
    /// <param name="MessageStatus"><c>accepted</c> or <c>held_for_quality_assessment</c>.</param>
    public sealed record Accepted(string MessageId, string? WaId, string MessageStatus) : SendOutcome;

    public sealed record Refused(GraphError Error) : SendOutcome;
}
