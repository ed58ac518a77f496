using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Ledger;
using WhatsAppCampaigns.CloudApiSimulator.Limits;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;
using WhatsAppCampaigns.CloudApiSimulator.Templates;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary>
/// One template send after the token check, in Graph's order of refusals: injected failure, throughput,
/// body validation, template, parameters, transient error, pair rate; then acceptance and the webhook plan.
/// </summary>
internal sealed class MessageSendPipeline(SimulatorContext context, WebhookDispatcher dispatcher)
{
    private readonly ThroughputLimiter _throughput = new(context.Time);
    private readonly PairRateLimiter _pairRate = new(context.Time);
    private readonly MarketingFrequencyTracker _marketing = new(context.Time);
    private long _sequence;

    public (LedgerEntry? Entry, GraphError? Error) Send(SimulatedPhoneNumber phone, JsonNode? body)
    {
        var scenario = context.Scenario;
        var limits = scenario.Limits;
        if (scenario.TryTakeInjectedFailure(out var injected))
        {
            return Reject(GraphError.Of(injected.Code, "Failure injected by the simulator scenario.", injected.Subcode));
        }
        if (!_throughput.TryAcquire(phone.Id, limits.ThroughputPerSecond))
        {
            return Reject(GraphError.Of(GraphErrorCodes.RateLimitHit, $"Phone number throughput of {limits.ThroughputPerSecond} messages per second exceeded."));
        }
        var (request, error) = TemplateSendRequestParser.Parse(body);
        if (error is not null)
        {
            return Reject(error);
        }
        var template = context.Templates.Find(request!.TemplateName, request.LanguageCode);
        if (TemplateError(template, request) is { } templateError)
        {
            return Reject(templateError);
        }
        if (limits.TransientErrorRate > 0 && context.Random.NextDouble() < limits.TransientErrorRate)
        {
            var code = context.Random.NextDouble() < 0.5 ? GraphErrorCodes.SomethingWentWrong : GraphErrorCodes.ServiceUnavailable;
            return Reject(GraphError.Of(code, "Simulated transient failure; retry later."));
        }
        var waId = PhoneNumberText.ToWaId(request.To);
        if (!_pairRate.TryAcquire(phone.Id, waId, limits.PairRateInterval, limits.PairRateBurst))
        {
            return Reject(GraphError.Of(GraphErrorCodes.PairRateLimitHit, "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time."));
        }
        return (Accept(phone, request, template!, waId, limits), null);
    }

    private LedgerEntry Accept(SimulatedPhoneNumber phone, TemplateSendRequest request, SimulatedTemplate template, string waId, SimulatorLimits limits)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var entry = new LedgerEntry(
            sequence,
            WamidGenerator.Create(sequence),
            phone.Id,
            request.To,
            waId,
            template.Name,
            template.Language,
            template.Category,
            request.BizOpaqueCallbackData,
            context.Time.GetUtcNow(),
            FailureCodeFor(template, waId, limits));
        context.Ledger.Add(entry);
        var plan = StatusWebhookPlanner.Plan(context.Options.WabaId, phone, entry, context.Scenario.Webhooks, context.Random.ForMessage(sequence));
        context.WebhookStats.RecordPlan(entry.Wamid, plan.Select(p => p.Status).ToList());
        dispatcher.Enqueue(plan);
        return entry;
    }

    // Refusals that Meta reports after acceptance, as a failed status webhook.
    private int? FailureCodeFor(SimulatedTemplate template, string waId, SimulatorLimits limits)
    {
        var scenario = context.Scenario;
        if (scenario.IsUndeliverable(waId))
        {
            return GraphErrorCodes.MessageUndeliverable;
        }
        if (!template.IsMarketing)
        {
            return null;
        }
        if (scenario.IsStopped(waId))
        {
            return GraphErrorCodes.UserStoppedMarketing;
        }
        if (limits.BlockMarketingToUsNumbers && PhoneNumberText.IsUsNumber(waId))
        {
            return limits.UsMarketingErrorCode;
        }
        return _marketing.TryCount(waId, limits.MarketingPerUserPer24Hours) ? null : GraphErrorCodes.HealthyEcosystemEngagement;
    }

    private GraphError? TemplateError(SimulatedTemplate? template, TemplateSendRequest request)
    {
        if (template is null)
        {
            var details = context.Templates.HasName(request.TemplateName)
                ? $"template name ({request.TemplateName}) does not exist in {request.LanguageCode}"
                : $"template name ({request.TemplateName}) does not exist";
            return GraphError.Of(GraphErrorCodes.TemplateDoesNotExist, details);
        }
        return template.Status switch
        {
            TemplateStatuses.Approved => template.ParameterCount == request.BodyParameterCount
                ? null
                : GraphError.Of(GraphErrorCodes.TemplateParameterCountMismatch,
                    $"body: number of localizable_params ({request.BodyParameterCount}) does not match the expected number of params ({template.ParameterCount})"),
            TemplateStatuses.Paused => GraphError.Of(GraphErrorCodes.TemplatePaused, $"Template {template.Name} ({template.Language}) is paused because of low quality."),
            TemplateStatuses.Disabled => GraphError.Of(GraphErrorCodes.TemplateDisabled, $"Template {template.Name} ({template.Language}) is disabled."),
            _ => GraphError.Of(GraphErrorCodes.TemplateDoesNotExist, $"template name ({template.Name}) is not approved in {template.Language} (status {template.Status})"),
        };
    }

    private (LedgerEntry?, GraphError?) Reject(GraphError error)
    {
        context.Ledger.RecordRejection(error.Code);
        return (null, error);
    }
}
