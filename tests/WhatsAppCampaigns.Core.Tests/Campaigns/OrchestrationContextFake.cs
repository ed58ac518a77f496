using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using WhatsAppCampaigns.Core.Campaigns;
using WhatsAppCampaigns.Core.Campaigns.Orchestration;
using WhatsAppCampaigns.Core.Campaigns.Testing;

namespace WhatsAppCampaigns.Core.Tests.Campaigns;

/// <summary>
/// A mocked <see cref="TaskOrchestrationContext"/> that answers the campaign's activities from an in-memory audience
/// of <c>recipients</c> and counts, per generation, the durable actions that become history events.
/// </summary>
internal sealed class OrchestrationContextFake
{
    private readonly int _recipients;
    private readonly int _pageSize;
    private TaskCompletionSource<string> _signal = new();

    public OrchestrationContextFake(int recipients, int pageSize, DateTime now)
    {
        _recipients = recipients;
        _pageSize = pageSize;
        Mock = new Mock<TaskOrchestrationContext> { CallBase = true };
        Mock.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        Mock.Setup(c => c.CallActivityAsync<FanOutPageResult>(CampaignTaskNames.FanOutPageActivity, It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Returns((TaskName _, object input, TaskOptions _) => { Activities++; return Task.FromResult(Page((FanOutPageRequest)input)); });
        Mock.Setup(c => c.CallActivityAsync<CampaignState>(It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Returns((TaskName name, object _, TaskOptions _) => { Activities++; Called.Add(name.Name); return Task.FromResult(name.Name == CampaignTaskNames.FinishActivity ? CampaignState.Completed : CampaignState.Running); });
        Mock.Setup(c => c.CallActivityAsync<TestDecision>(CampaignTaskNames.DecideActivity, It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Returns((TaskName name, object _, TaskOptions _) => { Activities++; Called.Add(name.Name); return Task.FromResult(Decision); });
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime at, CancellationToken _) => { Timers++; TimerAt.Add(at); return Timer.Task; });
        Mock.Setup(c => c.WaitForExternalEvent<string>(CampaignTaskNames.ControlEvent, It.IsAny<CancellationToken>()))
            .Returns(() => _signal.Task);
        Mock.Setup(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()))
            .Callback((object input, bool _) => ContinuedWith = (CampaignRunInput)input);
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object>())).Callback((object s) => Statuses.Add((CampaignRunStatus)s));
    }

    public Mock<TaskOrchestrationContext> Mock { get; }

    public int Activities { get; private set; }

    public int Timers { get; private set; }

    public int SignalsReceived { get; private set; }

    public List<string> Called { get; } = [];

    public List<CampaignRunStatus> Statuses { get; } = [];

    public TaskCompletionSource Timer { get; } = new();

    public List<DateTime> TimerAt { get; } = [];

    /// <summary>What the decide activity answers.</summary>
    public TestDecision Decision { get; set; } = new("b", TestOutcomes.ClearWinner, 0.001, [], DateTimeOffset.UnixEpoch);

    /// <summary>Every page request, in order.</summary>
    public List<FanOutPageRequest> Pages { get; } = [];

    public CampaignRunInput? ContinuedWith { get; private set; }

    public void Signal(string signal)
    {
        SignalsReceived++;
        var current = _signal;
        _signal = new TaskCompletionSource<string>();
        current.SetResult(signal);
    }

    /// <summary>History events of one generation, as Durable Task records them: ExecutionStarted and the closing
    /// ExecutionCompleted (or ContinuedAsNew); TaskScheduled + TaskCompleted per activity; TimerCreated + TimerFired per
    /// timer; EventRaised per signal; OrchestratorStarted + OrchestratorCompleted per episode, at most one episode per
    /// completion plus the first.</summary>
    public int HistoryEvents => 2 + (2 * Activities) + (2 * Timers) + SignalsReceived + (2 * (1 + Activities + Timers + SignalsReceived));

    public void ResetCounts()
    {
        Activities = 0;
        Timers = 0;
        SignalsReceived = 0;
        ContinuedWith = null;
    }

    private FanOutPageResult Page(FanOutPageRequest request)
    {
        Pages.Add(request);
        var start = request.Cursor is null ? 0 : int.Parse(request.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        if (request.Phase is null)
        {
            Assert.Equal(start / _pageSize, request.Page);
        }

        var count = Math.Min(_pageSize, _recipients - start);
        var next = start + count >= _recipients ? null : (start + count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new FanOutPageResult(next, count, count, new Dictionary<string, long>());
    }
}
