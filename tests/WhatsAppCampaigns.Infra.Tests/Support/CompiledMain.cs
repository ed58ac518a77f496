namespace WhatsAppCampaigns.Infra.Tests.Support;

/// <summary><c>infra/main.bicep</c> compiled once per test run and shared by every test class.</summary>
internal static class CompiledMain
{
    private static readonly Lazy<BicepCli.Result> LazyBuild =
        new(() => BicepCli.Run("build", RepoPaths.MainBicep, "--stdout"));

    private static readonly Lazy<ArmTemplate> LazyTemplate = new(() =>
    {
        var build = Build;
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({build.ExitCode}):\n{build.StdErr}");
        }

        return ArmTemplate.Parse(build.StdOut);
    });

    public static BicepCli.Result Build => LazyBuild.Value;

    public static ArmTemplate Template => LazyTemplate.Value;
}
