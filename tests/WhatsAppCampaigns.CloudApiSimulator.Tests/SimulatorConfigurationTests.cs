using WhatsAppCampaigns.CloudApiSimulator.Hosting;

namespace WhatsAppCampaigns.CloudApiSimulator.Tests;

public sealed class SimulatorConfigurationTests
{
    [Fact]
    public void Load_ReadsSwitchesNestedKeysAndTemplateSeed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """[{"name":"promo","language":"es_MX","category":"MARKETING","status":"PAUSED","bodyText":"Hola {{1}} {{2}}"}]""");

            var options = SimulatorConfiguration.Load(
            [
                "--port", "5099", "--token", "t", "--app-secret", "s", "--webhook-url", "http://127.0.0.1:7071/api/webhooks",
                "--seed", "9", "--templates", file, "--Simulator:Limits:ThroughputPerSecond=7", "--Simulator:Webhooks:DuplicateRate=0.25",
            ]);

            Assert.Equal((5099, "t", "s", 9), (options.Port, options.AccessToken, options.AppSecret, options.Seed));
            Assert.Equal(new Uri("http://127.0.0.1:7071/api/webhooks"), options.WebhookUrl);
            Assert.Equal(7, options.Limits.ThroughputPerSecond);
            Assert.Equal(45, options.Limits.PairRateBurst);
            Assert.Equal(0.25, options.Webhooks.DuplicateRate);
            var template = Assert.Single(options.Templates);
            Assert.Equal(("promo", "PAUSED", 2), (template.Name, template.Status, template.ParameterCount));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
