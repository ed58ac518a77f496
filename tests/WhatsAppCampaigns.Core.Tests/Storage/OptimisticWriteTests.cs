using Azure;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Tests.Storage;

public sealed class OptimisticWriteTests
{
    [Fact]
    public async Task Conflicts_RunTheAttemptAgain_OtherFailuresLeaveAtOnce()
    {
        var attempts = 0;
        var result = await OptimisticWrite.RunAsync(_ => ++attempts < 3 ? throw new RequestFailedException(412, "moved") : Task.FromResult(attempts), default);
        Assert.Equal(3, result);

        attempts = 0;
        await Assert.ThrowsAsync<RequestFailedException>(() => OptimisticWrite.RunAsync<int>(_ => { attempts++; throw new RequestFailedException(503, "busy"); }, default));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ARowThatKeepsChanging_GivesUpAfterTheBound_AndSaysSo()
    {
        var attempts = 0;
        var conflictsSeen = 0;
        var error = await Assert.ThrowsAsync<ConcurrencyExhaustedException>(() => OptimisticWrite.RunAsync<int>(
            _ => { attempts++; throw new RequestFailedException(409, "exists"); }, default, () => { conflictsSeen++; return Task.CompletedTask; }));
        Assert.Equal(OptimisticWrite.MaxAttempts, attempts);
        Assert.Equal(OptimisticWrite.MaxAttempts, conflictsSeen);
        Assert.IsType<RequestFailedException>(error.InnerException);
    }
}
