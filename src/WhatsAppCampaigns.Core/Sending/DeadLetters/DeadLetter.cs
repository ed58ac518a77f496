namespace WhatsAppCampaigns.Core.Sending.DeadLetters;

/// <summary>A message the senders gave up on, kept with its reason until someone replays or forgets it.</summary>
/// <param name="Body">The queue message as received (a <see cref="SendRequest"/> in JSON, or whatever could not be read).</param>
/// <param name="Reason">A short snake_case word: <c>transient_exhausted</c>, <c>invalid_request</c>, <c>unreadable</c>.</param>
public sealed record DeadLetter(string Id, string? CampaignId, string Reason, int? ErrorCode, string? Detail, DateTimeOffset At, int Attempts, string Body);
