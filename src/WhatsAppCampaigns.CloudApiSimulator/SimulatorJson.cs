using System.Text.Encodings.Web;
using System.Text.Json;

namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>JSON output like Graph's: '+' and '&amp;' stay literal rather than \u-escaped.</summary>
internal static class SimulatorJson
{
    public static JsonSerializerOptions Output { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
