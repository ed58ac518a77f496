using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.CloudApiSimulator;

/// <summary>JSON output like Graph's: '+' and '&amp;' stay literal rather than \u-escaped.</summary>
internal static class SimulatorJson
{
    public static JsonSerializerOptions Output { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A webhook body in Meta's byte form, which is what Meta signs: ASCII only, every non-ASCII UTF-16 unit inside a
    /// string escaped as <c>\uXXXX</c> with lowercase hex (an emoji is two escapes). Receivers that re-escape before
    /// checking the signature (as some clients do) only agree with a body in this form.
    /// </summary>
    public static byte[] WebhookBytes(JsonNode payload)
    {
        var json = payload.ToJsonString(Output);
        var ascii = new StringBuilder(json.Length + 16);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (!inString)
            {
                inString = c == '"';
                ascii.Append(c);
            }
            else if (c == '\\')
            {
                var next = json[++i];
                ascii.Append(c).Append(next);
                if (next == 'u')
                {
                    // The writer's own escapes (control characters) are uppercase; Meta's are lowercase.
                    ascii.Append(json.AsSpan(i + 1, 4).ToString().ToLowerInvariant());
                    i += 4;
                }
            }
            else if (c > 0x7F)
            {
                ascii.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                inString = c != '"';
                ascii.Append(c);
            }
        }

        return Encoding.ASCII.GetBytes(ascii.ToString());
    }
}
