using WhatsAppCampaigns.Infra.Tests.Support;

namespace WhatsAppCampaigns.Infra.Tests;

public sealed class BicepCompilationTests
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutWarnings()
    {
        var build = CompiledMain.Build;

        Assert.True(build.ExitCode == 0, $"bicep build exited {build.ExitCode}:\n{build.StdErr}");
        Assert.True(string.IsNullOrWhiteSpace(build.StdErr), $"bicep build reported diagnostics:\n{build.StdErr}");
        Assert.StartsWith("{", build.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MainBicep_ReportsNoDiagnostics()
    {
        var lint = BicepCli.Run("lint", RepoPaths.MainBicep);

        Assert.True(lint.ExitCode == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.StdErr}{lint.StdOut}");
        Assert.True(string.IsNullOrWhiteSpace(lint.StdErr), $"bicep lint reported diagnostics:\n{lint.StdErr}");
        Assert.True(string.IsNullOrWhiteSpace(lint.StdOut), $"bicep lint reported diagnostics:\n{lint.StdOut}");
    }

    [Fact]
    public void BicepConfig_MakesSecretRulesErrors()
    {
        var config = File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json"));

        foreach (var rule in new[] { "outputs-should-not-contain-secrets", "secure-parameter-default", "use-secure-value-for-secure-inputs", "no-hardcoded-env-urls" })
        {
            Assert.Matches($"\"{rule}\"\\s*:\\s*\\{{\\s*\"level\"\\s*:\\s*\"error\"", config);
        }
    }
}
