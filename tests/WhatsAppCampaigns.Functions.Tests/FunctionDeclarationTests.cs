using System.Text.Json.Nodes;

namespace WhatsAppCampaigns.Functions.Tests;

/// <summary>
/// The Functions host cannot run on these machines, so the app's declared surface is checked here:
/// every function the product promises exists with the trigger, route, queue or schedule it must have.
/// </summary>
public sealed class FunctionDeclarationTests
{
    /// <summary>One row per function: name, trigger type, and the trigger properties that must hold.</summary>
    public static readonly TheoryData<string, string, string> Expected = new()
    {
        { "Health_Check", "httpTrigger", "route=health;methods=get;authLevel=Anonymous" },
        { "Contacts_Upsert", "httpTrigger", "route=contacts/{phone};methods=put;authLevel=Function" },
        { "Contacts_Get", "httpTrigger", "route=contacts/{phone};methods=get;authLevel=Function" },
        { "Contacts_Erase", "httpTrigger", "route=contacts/{phone};methods=delete;authLevel=Function" },
        { "Contacts_Export", "httpTrigger", "route=contacts/{phone}/export;methods=get;authLevel=Function" },
        { "Contacts_Import", "httpTrigger", "route=contacts/import;methods=post;authLevel=Function" },
        { "Contacts_RecordConsent", "httpTrigger", "route=contacts/{phone}/consent;methods=post;authLevel=Function" },
        { "Webhooks_Verify", "httpTrigger", "route=webhooks/whatsapp;methods=get;authLevel=Anonymous" },
        { "Webhooks_Receive", "httpTrigger", "route=webhooks/whatsapp;methods=post;authLevel=Anonymous" },
        { "Webhooks_Process", "queueTrigger", "queueName=wa-webhooks" },
        { "Webhooks_ProcessConsent", "queueTrigger", "queueName=wa-webhooks-consent" },
        { "Carts_Events", "httpTrigger", "route=carts/events;methods=post;authLevel=Function" },
        { "Carts_Stats", "httpTrigger", "route=carts/stats;methods=get;authLevel=Function" },
        { "Carts_Reminders", "timerTrigger", "schedule=%CartReminders:Schedule%" },
        { "Templates_Put", "httpTrigger", "route=templates/{name}/{language};methods=put;authLevel=Function" },
        { "Templates_Get", "httpTrigger", "route=templates/{name}/{language};methods=get;authLevel=Function" },
        { "Templates_Sync", "httpTrigger", "route=templates/sync;methods=post;authLevel=Function" },
        { "Campaigns_Create", "httpTrigger", "route=campaigns;methods=post;authLevel=Function" },
        { "Campaigns_Forecast", "httpTrigger", "route=campaigns/forecast;methods=post;authLevel=Function" },
        { "Campaigns_Get", "httpTrigger", "route=campaigns/{id};methods=get;authLevel=Function" },
        { "Campaigns_Pause", "httpTrigger", "route=campaigns/{id}/pause;methods=post;authLevel=Function" },
        { "Campaigns_Resume", "httpTrigger", "route=campaigns/{id}/resume;methods=post;authLevel=Function" },
        { "Campaigns_Cancel", "httpTrigger", "route=campaigns/{id}/cancel;methods=post;authLevel=Function" },
        { "Campaigns_Winner", "httpTrigger", "route=campaigns/{id}/winner;methods=post;authLevel=Function" },
        { "Campaign_Orchestrator", "orchestrationTrigger", "" },
        { "Campaign_StartActivity", "activityTrigger", "" },
        { "Campaign_FanOutPageActivity", "activityTrigger", "" },
        { "Campaign_FinishActivity", "activityTrigger", "" },
        { "Campaign_DecideActivity", "activityTrigger", "" },
        { "Campaign_StateActivity", "activityTrigger", "" },
        { "Campaigns_Control", "queueTrigger", "queueName=wa-control" },
        { "Sends_Process", "queueTrigger", "queueName=wa-sends" },
        { "Sends_ListDeadLetters", "httpTrigger", "route=sends/dead-letters;methods=get;authLevel=Function" },
        { "Sends_ReplayDeadLetter", "httpTrigger", "route=sends/dead-letters/{id}/replay;methods=post;authLevel=Function" },
    };

    private static readonly IReadOnlyDictionary<string, JsonObject> Metadata = FunctionsMetadata.Load();

    [Fact]
    public void Metadata_DeclaresExactlyTheExpectedFunctions()
    {
        var expected = Expected.Select(row => (string)row[0]).Order().ToArray();
        Assert.Equal(expected, Metadata.Keys.Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Function_HasItsTriggerAndProperties(string name, string triggerType, string properties)
    {
        Assert.True(Metadata.TryGetValue(name, out var function), $"{name} is not declared");
        var trigger = FunctionsMetadata.Trigger(function);
        Assert.Equal(triggerType, (string)trigger["type"]!);
        Assert.Equal("In", (string)trigger["direction"]!);

        foreach (var pair in properties.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var actual = trigger[key] switch
            {
                JsonArray array => string.Join(",", array.Select(v => (string)v!)),
                { } node => node.ToString(),
                null => null,
            };
            Assert.True(value == actual, $"{name}: {key} is '{actual}', expected '{value}'");
        }
    }

    [Fact]
    public void HttpFunctions_ReturnTheirResponse()
    {
        foreach (var (name, function) in Metadata.Where(f => (string)FunctionsMetadata.Trigger(f.Value)["type"]! == "httpTrigger"))
        {
            var bindings = function["bindings"]!.AsArray().Select(b => b!.AsObject());
            Assert.True(bindings.Any(b => (string)b["type"]! == "http" && (string)b["direction"]! == "Out"), $"{name} has no HTTP output");
        }
    }
}
