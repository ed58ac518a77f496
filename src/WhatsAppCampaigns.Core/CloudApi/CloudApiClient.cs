using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.Configuration;
using WhatsAppCampaigns.Core.Observability;

namespace WhatsAppCampaigns.Core.CloudApi;

/// <summary>Typed Graph API client. Every status code is checked; refusals come back as <see cref="GraphError"/>s.</summary>
public sealed partial class CloudApiClient(
    HttpClient http,
    IOptionsMonitor<WhatsAppOptions> options,
    CloudApiResilience resilience,
    ILogger<CloudApiClient> logger) : ICloudApiClient
{
    public async Task<SendOutcome> SendTemplateAsync(string phoneNumberId, TemplateMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var body = GraphJson.ToRequest(message);
        var outcome = await resilience.SendPipeline.ExecuteAsync(
            async ct => await SendOnceAsync(settings, phoneNumberId, body, ct),
            cancellationToken);

        if (outcome is SendOutcome.Refused refused)
        {
            LogSendRefused(logger, refused.Error.Code, refused.Error.Class, PhoneMask.Mask(message.To), message.TemplateName);
        }

        return outcome;
    }

    public async Task<IReadOnlyList<GraphTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var templates = new List<GraphTemplate>();
        string? after = null;
        do
        {
            var uri = $"{settings.ApiVersion}/{settings.BusinessAccountId}/message_templates?limit=100"
                + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var request = Authorized(HttpMethod.Get, uri, settings);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CloudApiException(await ReadErrorAsync(response, cancellationToken));
            }

            var page = await response.Content.ReadFromJsonAsync<GraphJson.TemplatePage>(GraphJson.Options, cancellationToken)
                ?? throw new CloudApiException(GraphErrorClassifier.Create(GraphError.NotSentCode, "Empty template page", (int)response.StatusCode));
            templates.AddRange((page.Data ?? []).Select(t => new GraphTemplate(t.Id, t.Name, t.Language, t.Status, t.Category, t.Components ?? [])));
            after = page.Paging?.Next is null ? null : page.Paging.Cursors?.After;
        }
        while (after is not null);

        return templates;
    }

    private async Task<SendOutcome> SendOnceAsync(WhatsAppOptions settings, string phoneNumberId, GraphJson.SendRequest body, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Post, $"{settings.ApiVersion}/{Uri.EscapeDataString(phoneNumberId)}/messages", settings);
        request.Content = JsonContent.Create(body, options: GraphJson.Options);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new SendOutcome.Refused(await ReadErrorAsync(response, ct));
            }

            var accepted = await response.Content.ReadFromJsonAsync<GraphJson.SendResponse>(GraphJson.Options, ct);
            var message = accepted?.Messages?.FirstOrDefault();
            return message is null
                ? new SendOutcome.Refused(GraphErrorClassifier.Create(GraphError.OutcomeUnknownCode, "Graph answered 200 without a message id", 200))
                : new SendOutcome.Accepted(message.Id, accepted!.Contacts?.FirstOrDefault()?.WaId, message.MessageStatus ?? "accepted");
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
        {
            return new SendOutcome.Refused(GraphErrorClassifier.Create(GraphError.NotSentCode, "Graph unreachable: " + ex.Message, 503));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // The request may have reached Graph: report it as unknown so nobody retries blindly.
            return new SendOutcome.Refused(GraphErrorClassifier.Create(GraphError.OutcomeUnknownCode, "No usable answer from Graph: " + ex.GetType().Name, 504));
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string relativeUri, WhatsAppOptions settings)
    {
        var request = new HttpRequestMessage(method, relativeUri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        return request;
    }

    private static async Task<GraphError> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync<GraphJson.ErrorEnvelope>(GraphJson.Options, ct);
            if (envelope?.Error is { } error)
            {
                return GraphErrorClassifier.Create(error.Code, error.Message ?? "", status, error.ErrorSubcode, error.ErrorData?.Details, error.FbtraceId);
            }
        }
        catch (JsonException)
        {
            // Not Graph's envelope (a proxy's HTML page, say): classify by status alone below.
        }

        return GraphErrorClassifier.Create(status >= 500 ? 131016 : 100, $"HTTP {status} without a Graph error body", status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused a send: code {Code} ({ErrorClass}) to {Recipient} with template {Template}")]
    private static partial void LogSendRefused(ILogger logger, int code, ErrorClass errorClass, string recipient, string template);
}
