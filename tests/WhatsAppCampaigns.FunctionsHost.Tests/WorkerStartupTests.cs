namespace WhatsAppCampaigns.FunctionsHost.Tests;

/// <summary>The worker starts as the host starts it, indexes itself and loads every function it declares.</summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class WorkerStartupTests(FunctionsApp app)
{
    /// <summary>Each function and the binding types it must declare (trigger first), as the host reads them from the worker.</summary>
    public static readonly TheoryData<string, string> Expected = new()
    {
        { "Health_Check", "httpTrigger,http" },
        { "Contacts_Upsert", "httpTrigger,http" },
        { "Contacts_Get", "httpTrigger,http" },
        { "Contacts_Erase", "httpTrigger,http" },
        { "Contacts_Export", "httpTrigger,http" },
        { "Contacts_Import", "httpTrigger,http" },
        { "Contacts_RecordConsent", "httpTrigger,http" },
        { "Webhooks_Verify", "httpTrigger,http" },
        { "Webhooks_Receive", "httpTrigger,http" },
        { "Webhooks_Process", "queueTrigger" },
        { "Webhooks_ProcessConsent", "queueTrigger" },
        { "Carts_Events", "httpTrigger,http" },
        { "Carts_Stats", "httpTrigger,http" },
        { "Carts_Reminders", "timerTrigger" },
        { "Templates_Put", "httpTrigger,http" },
        { "Templates_Get", "httpTrigger,http" },
        { "Templates_Sync", "httpTrigger,http" },
        { "Campaigns_Create", "httpTrigger,durableClient,http" },
        { "Campaigns_Forecast", "httpTrigger,http" },
        { "Campaigns_Get", "httpTrigger,durableClient,http" },
        { "Campaigns_Pause", "httpTrigger,durableClient,http" },
        { "Campaigns_Resume", "httpTrigger,durableClient,http" },
        { "Campaigns_Cancel", "httpTrigger,durableClient,http" },
        { "Campaigns_Winner", "httpTrigger,http" },
        { "Campaign_Orchestrator", "orchestrationTrigger" },
        { "Campaign_StartActivity", "activityTrigger" },
        { "Campaign_FanOutPageActivity", "activityTrigger" },
        { "Campaign_FinishActivity", "activityTrigger" },
        { "Campaign_DecideActivity", "activityTrigger" },
        { "Campaign_StateActivity", "activityTrigger" },
        { "Campaigns_Control", "queueTrigger,durableClient" },
        { "Sends_Process", "queueTrigger" },
        { "Sends_ListDeadLetters", "httpTrigger,http" },
        { "Sends_ReplayDeadLetter", "httpTrigger,http" },
    };

    [Fact]
    public async Task StoragePrefix_StopsTheWorkerAtStart_SinceTheTriggersListenOnTheUnprefixedQueues()
    {
        var settings = new Dictionary<string, string?>(app.Settings) { ["Storage__NamePrefix"] = "p" + Guid.NewGuid().ToString("N")[..8] };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            FunctionsTestHost.StartAsync(new FunctionsTestHostOptions { AppDirectory = FunctionsApp.AppDirectory(), Settings = settings }));

        Assert.Contains("Storage:NamePrefix", failure.Message);
    }

    [Fact]
    public void Init_ReportsTheAspNetCoreHttpEndpoint_TheHostForwardsRequestsTo()
    {
        Assert.NotNull(app.Host.WorkerHttpUri);
        Assert.True(app.Host.WorkerHttpUri!.IsLoopback, app.Host.WorkerHttpUri.ToString());
    }

    [Fact]
    public void Indexing_FindsExactlyTheExpectedFunctions()
    {
        var expected = Expected.Select(row => (string)row[0]).Order().ToArray();
        Assert.Equal(expected, app.Host.Functions.Keys.Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Function_LoadsWithItsBindings(string name, string bindingTypes)
    {
        Assert.True(app.Host.Functions.TryGetValue(name, out var function), $"{name} was not indexed");
        Assert.True(function.Loaded, $"{name} failed to load: {function.LoadError}");
        Assert.Equal(bindingTypes, string.Join(",", function.Bindings.Select(b => b.Type)));
    }
}
