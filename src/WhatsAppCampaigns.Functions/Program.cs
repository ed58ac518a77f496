using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WhatsAppCampaigns.Api;
using WhatsAppCampaigns.Core;

var builder = FunctionsApplication.CreateBuilder(args);

// Queue triggers listen on the fixed names built into their attributes; a prefix would move the core's queues away
// from them and every queued send, webhook and signal would wait forever. Fail at start instead.
if (!string.IsNullOrEmpty(builder.Configuration["Storage:NamePrefix"]))
{
    throw new InvalidOperationException("Storage:NamePrefix is for the local runner and tests; the Functions app's queue triggers use the unprefixed names.");
}

builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddCampaignCore(builder.Configuration);
builder.Services.AddCampaignApi();
builder.Build().Run();
