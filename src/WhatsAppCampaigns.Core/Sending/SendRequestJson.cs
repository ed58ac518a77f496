using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppCampaigns.Core.Sending;

/// <summary>The one wire format of <see cref="SendRequest"/> on the queue, shared by every enqueuer and the senders.</summary>
public static class SendRequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SendRequest request) => JsonSerializer.Serialize(request, Options);

    /// <exception cref="JsonException">The body is not a send request.</exception>
    public static SendRequest Deserialize(string body) =>
        JsonSerializer.Deserialize<SendRequest>(body, Options) ?? throw new JsonException("Empty send request");
}
