using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;
using WhatsAppCampaigns.CloudApiSimulator.Scenario;

namespace WhatsAppCampaigns.CloudApiSimulator.Control;

/// <summary><c>/_sim/scenario*</c>: read and change the simulated world while it runs.</summary>
internal static class ControlScenarioEndpoints
{
    public static RouteGroupBuilder MapScenario(this RouteGroupBuilder group)
    {
        var scenario = group.MapGroup("/scenario");
        scenario.MapGet("/", (SimulatorContext c) => Results.Ok(new
        {
            limits = c.Scenario.Limits,
            webhooks = c.Scenario.Webhooks,
            stoppedUsers = c.Scenario.StoppedUsers,
            undeliverableNumbers = c.Scenario.UndeliverableNumbers,
        }));
        scenario.MapPost("/stopped-users", (PhoneRequest r, SimulatorContext c) => Apply(r.Phone, c.Scenario.StopUser));
        scenario.MapDelete("/stopped-users/{phone}", (string phone, SimulatorContext c) => Apply(phone, c.Scenario.ResumeUser));
        scenario.MapPost("/undeliverable", (PhoneRequest r, SimulatorContext c) => Apply(r.Phone, c.Scenario.MarkUndeliverable));
        scenario.MapDelete("/undeliverable/{phone}", (string phone, SimulatorContext c) => Apply(phone, c.Scenario.MarkDeliverable));
        scenario.MapPost("/fail-next", (FailNextRequest r, SimulatorContext c) =>
        {
            if (r.Count < 0)
            {
                return ControlResults.BadRequest("count must not be negative.");
            }
            c.Scenario.FailNext(r.Count, r.Code, r.Subcode);
            return Results.NoContent();
        });
        scenario.MapPatch("/limits", (JsonObject patch, SimulatorContext c) =>
            Merge(c.Scenario.Limits, patch) is { } limits ? Results.Ok(c.Scenario.Limits = limits) : ControlResults.BadRequest("Invalid limits."));
        scenario.MapPatch("/webhooks", (JsonObject patch, SimulatorContext c) =>
            Merge(c.Scenario.Webhooks, patch) is { } webhooks ? Results.Ok(c.Scenario.Webhooks = webhooks) : ControlResults.BadRequest("Invalid webhook behaviour."));
        return group;
    }

    private static IResult Apply(string phone, Action<string> change)
    {
        if (!PhoneNumberText.IsValid(phone))
        {
            return ControlResults.BadRequest("phone is not a valid phone number.");
        }
        change(phone);
        return Results.NoContent();
    }

    // A patch sets only the properties it names: the current record is serialised, overlaid and read back.
    private static T? Merge<T>(T current, JsonObject patch) where T : class
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        foreach (var (name, value) in patch)
        {
            var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            merged[key] = value?.DeepClone();
        }
        try
        {
            return merged.Deserialize<T>(options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
