namespace WhatsAppCampaigns.Benchmarks;

/// <summary>One benchmark, run as <c>dotnet run -c Release --project tests/WhatsAppCampaigns.Benchmarks -- {Name} [args]</c>.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}
