using WhatsAppCampaigns.Benchmarks;

// Each IBenchmarkCommand in this assembly is a subcommand; adding a benchmark means adding a class.
var commands = typeof(IBenchmarkCommand).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkCommand).IsAssignableFrom(t))
    .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name)
    .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/WhatsAppCampaigns.Benchmarks -- <benchmark> [args]");
    foreach (var c in commands.Values)
    {
        Console.WriteLine($"  {c.Name,-12} {c.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return await command.RunAsync(args[1..]);
