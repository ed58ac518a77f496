using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using WhatsAppCampaigns.Core.Configuration;

namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>
/// The Polly pipeline around one send. It retries on the client's typed results, never on raw HTTP:
/// only transient refusals that certainly did not send, and rate limits short enough to wait out.
/// Anything else (131049's 24 h, a stopped user, a paused template) goes straight back to the caller.
/// </summary>
public sealed class CloudApiResilience
{
    public CloudApiResilience(IOptions<WhatsAppOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        MaxInProcessDelay = settings.MaxInProcessRetryDelay;
        var builder = new ResiliencePipelineBuilder<SendOutcome> { TimeProvider = timeProvider };
        if (settings.MaxSendRetries <= 0)
        {
            // No in-call retries: every refusal goes straight back to the sender.
            SendPipeline = builder.Build();
            return;
        }

        SendPipeline = builder
            .AddRetry(new RetryStrategyOptions<SendOutcome>
            {
                MaxRetryAttempts = settings.MaxSendRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxInProcessRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is SendOutcome.Refused refused && ShouldRetryInProcess(refused.Error)),
                DelayGenerator = args => ValueTask.FromResult(SuggestedDelay(args.Outcome.Result)),
            })
            .Build();
    }

    public ResiliencePipeline<SendOutcome> SendPipeline { get; }

    private TimeSpan MaxInProcessDelay { get; }

    internal bool ShouldRetryInProcess(GraphError error) => error.Class switch
    {
        ErrorClass.Transient => !error.OutcomeUnknown,
        ErrorClass.RateLimited => error.RetryAfter is { } wait && wait <= MaxInProcessDelay,
        _ => false,
    };

    // Null lets Polly use its exponential backoff; a rate limit's own suggestion wins when it is longer.
    private static TimeSpan? SuggestedDelay(SendOutcome? outcome) =>
        outcome is SendOutcome.Refused { Error: { Class: ErrorClass.RateLimited, RetryAfter: { } wait } } ? wait : null;
}
