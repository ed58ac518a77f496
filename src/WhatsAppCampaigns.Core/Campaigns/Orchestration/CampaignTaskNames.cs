namespace WhatsAppCampaigns.Core.Campaigns.Orchestration;

/// <summary>Task names shared by the Functions app, the local runner and tests (the source generator is not available).</summary>
public static class CampaignTaskNames
{
    public const string Orchestrator = "Campaign_Orchestrator";
    public const string StartActivity = "Campaign_StartActivity";
    public const string FanOutPageActivity = "Campaign_FanOutPageActivity";
    public const string FinishActivity = "Campaign_FinishActivity";
    public const string DecideActivity = "Campaign_DecideActivity";
    public const string StateActivity = "Campaign_StateActivity";

    /// <summary>The one external event; its payload is a <see cref="CampaignSignals"/> value.</summary>
    public const string ControlEvent = "control";
}

/// <summary>Payloads of <see cref="CampaignTaskNames.ControlEvent"/>.</summary>
public static class CampaignSignals
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Cancel = "cancel";

    /// <summary>A winner was stored by hand: a variant test's observation window ends now.</summary>
    public const string Winner = "winner";
}
