using Microsoft.Extensions.Logging;
using WhatsAppCampaigns.CloudApiSimulator.Templates;

namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>Start-up configuration of the simulator. Everything that may change during a run lives in <see cref="Scenario.SimulatorScenario"/>.</summary>
public sealed class CloudApiSimulatorOptions
{
    /// <summary>Loopback port; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>The only Bearer token the Graph endpoints accept.</summary>
    public string AccessToken { get; set; } = "sim-access-token";

    /// <summary>Key of the <c>X-Hub-Signature-256</c> HMAC on every webhook POST.</summary>
    public string AppSecret { get; set; } = "sim-app-secret";

    /// <summary>Token sent as <c>hub.verify_token</c> by <see cref="CloudApiSimulatorHost.VerifyWebhookAsync"/>.</summary>
    public string VerifyToken { get; set; } = "sim-verify-token";

    /// <summary>Where webhooks are POSTed; when null they are only recorded.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>WhatsApp Business Account id (entry id of webhooks, owner of the templates).</summary>
    public string WabaId { get; set; } = "100000000000001";

    /// <summary>Seed of every random decision (transient errors, read/delivered, duplicates, reordering); null = random.</summary>
    public int? Seed { get; set; }

    /// <summary>Business phone numbers the simulator serves. Empty = one default number.</summary>
    public List<SimulatedPhoneNumber> PhoneNumbers { get; set; } = [];

    /// <summary>Registered templates. Empty = <see cref="DefaultTemplates"/>.</summary>
    public List<SimulatedTemplate> Templates { get; set; } = [];

    /// <summary>Initial limits; change them later through <see cref="Scenario.SimulatorScenario.Limits"/>.</summary>
    public SimulatorLimits Limits { get; set; } = new();

    /// <summary>Initial webhook behaviour; change it later through <see cref="Scenario.SimulatorScenario.Webhooks"/>.</summary>
    public WebhookBehavior Webhooks { get; set; } = new();

    /// <summary>Minimum log level of the embedded host (tests keep it quiet).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    internal IReadOnlyList<SimulatedPhoneNumber> EffectivePhoneNumbers =>
        PhoneNumbers.Count > 0 ? PhoneNumbers : [SimulatedPhoneNumber.Default];

    internal IReadOnlyList<SimulatedTemplate> EffectiveTemplates =>
        Templates.Count > 0 ? Templates : DefaultTemplates.All;
}
