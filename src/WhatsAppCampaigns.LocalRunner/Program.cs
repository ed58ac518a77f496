using WhatsAppCampaigns.LocalRunner;

LocalRunnerApp.Create(args).Run();
