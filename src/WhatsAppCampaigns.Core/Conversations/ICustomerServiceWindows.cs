namespace WhatsAppCampaigns.Core.Conversations;

/// <summary>
/// A person who wrote to the business opens a 24 h customer-service window (CSW). Messages inside it do not
/// count against the portfolio's messaging limit.
/// </summary>
public interface ICustomerServiceWindows
{
    Task RecordInboundAsync(string phone, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<DateTimeOffset?> LastInboundAsync(string phone, CancellationToken cancellationToken = default);
}
