using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Templates;

namespace WhatsAppCampaigns.CloudApiSimulator.Graph;

/// <summary><c>GET /{version}/{waba-id}/message_templates?limit=&amp;after=&amp;name=&amp;status=</c> with Graph cursor paging.</summary>
internal static class TemplateListing
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 1000;

    public static IResult List(string version, string wabaId, HttpRequest request, SimulatorContext context)
    {
        if (GraphEndpoints.Precheck(version, request, context) is { } error)
        {
            return GraphResponses.Error(error);
        }
        if (wabaId != context.Options.WabaId)
        {
            return GraphResponses.Error(GraphEndpoints.UnknownObject(wabaId));
        }
        var limit = int.TryParse(request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, MaxLimit) : DefaultLimit;
        var start = DecodeCursor(request.Query["after"].ToString());
        if (start < 0)
        {
            return GraphResponses.Error(GraphError.Of(GraphErrorCodes.InvalidParameter, "Param after is not a valid cursor."));
        }
        var name = request.Query["name"].ToString();
        var status = request.Query["status"].ToString();
        var all = context.Templates.All()
            .Where(t => name.Length == 0 || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(t => status.Length == 0 || t.Status.Equals(status, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = all.Skip(start).Take(limit).ToList();
        var data = new JsonArray(page.Select(ToJson).ToArray<JsonNode?>());
        var body = new JsonObject { ["data"] = data };
        if (page.Count > 0)
        {
            var paging = new JsonObject
            {
                ["cursors"] = new JsonObject { ["before"] = EncodeCursor(start), ["after"] = EncodeCursor(start + page.Count) },
            };
            if (start + page.Count < all.Count)
            {
                paging["next"] = NextUrl(request, limit, EncodeCursor(start + page.Count));
            }
            body["paging"] = paging;
        }
        return GraphResponses.Json(body);
    }

    private static JsonObject ToJson(SimulatedTemplate template) => new()
    {
        ["name"] = template.Name,
        ["language"] = template.Language,
        ["status"] = template.Status,
        ["category"] = template.Category,
        ["id"] = template.EffectiveId,
        ["components"] = new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = template.BodyText }),
    };

    // Cursors are opaque to callers; here they encode the index of the next item.
    private static string EncodeCursor(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("idx:" + index.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        if (cursor.Length == 0)
        {
            return 0;
        }
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("idx:", StringComparison.Ordinal) && int.TryParse(text[4..], CultureInfo.InvariantCulture, out var index) && index >= 0 ? index : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    private static string NextUrl(HttpRequest request, int limit, string after)
    {
        var query = request.Query
            .Where(q => q.Key is not ("after" or "limit" or "access_token"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"limit={limit}")
            .Append($"after={Uri.EscapeDataString(after)}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
