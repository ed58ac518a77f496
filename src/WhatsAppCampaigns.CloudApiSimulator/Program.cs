using WhatsAppCampaigns.CloudApiSimulator;
using WhatsAppCampaigns.CloudApiSimulator.Hosting;

// Standalone simulator for the local runner and for curl: same entry point the tests use, kept alive until Ctrl+C.
var options = SimulatorConfiguration.Load(args);
await using var simulator = await CloudApiSimulatorHost.StartAsync(options);
Console.WriteLine($"Cloud API simulator: Graph base {simulator.BaseUrl}, phone number id {simulator.PhoneNumber.Id}, WABA id {options.WabaId}. Ctrl+C to stop.");
await simulator.WaitForShutdownAsync();
