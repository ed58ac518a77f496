using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>How a <see cref="SendRequest"/> is read from the queue: web defaults, enums as names or numbers.</summary>
public static class SendRequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
