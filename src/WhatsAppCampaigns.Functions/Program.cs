using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WhatsAppCampaigns.Api;
using WhatsAppCampaigns.Core;
using WhatsAppCampaigns.Core.Sending;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddCampaignCore(builder.Configuration);
builder.Services.AddSending(builder.Configuration);
builder.Services.AddCampaignApi();
builder.Build().Run();
