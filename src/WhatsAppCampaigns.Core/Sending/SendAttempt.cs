using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending.Recipients;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>One claimed send in progress: what the refusal handling needs to undo or record.</summary>
public sealed record SendAttempt(SendRequest Request, MessageKey Key, string ClaimToken, string PhoneNumberId, Reservation? Reservation);
