using WhatsAppCampaigns.CloudApiSimulator.Ledger;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;
using WhatsAppCampaigns.CloudApiSimulator.Templates;
using WhatsAppCampaigns.CloudApiSimulator.Webhooks;

namespace WhatsAppCampaigns.CloudApiSimulator.Hosting;

/// <summary>The simulated world shared by the Graph endpoints, the control endpoints and the host object.</summary>
internal sealed class SimulatorContext
{
    private readonly Dictionary<string, SimulatedPhoneNumber> _phoneNumbers;

    public SimulatorContext(CloudApiSimulatorOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Random = new SimulatorRandom(options.Seed ?? System.Random.Shared.Next());
        Templates = new TemplateRegistry(options.EffectiveTemplates);
        Scenario = new SimulatorScenario(options.Limits, options.Webhooks, Templates);
        _phoneNumbers = options.EffectivePhoneNumbers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        DefaultPhoneNumber = options.EffectivePhoneNumbers[0];
    }

    public CloudApiSimulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public SimulatorRandom Random { get; }

    public TemplateRegistry Templates { get; }

    public SimulatorScenario Scenario { get; }

    public MessageLedger Ledger { get; } = new();

    public WebhookStats WebhookStats { get; } = new();

    public SimulatedPhoneNumber DefaultPhoneNumber { get; }

    public SimulatedPhoneNumber? FindPhoneNumber(string id) => _phoneNumbers.GetValueOrDefault(id);

    public SimulatedPhoneNumber PhoneNumberOrDefault(string? id) =>
        id is not null && _phoneNumbers.TryGetValue(id, out var phone) ? phone : DefaultPhoneNumber;
}
