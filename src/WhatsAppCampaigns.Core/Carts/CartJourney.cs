using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WhatsAppCampaigns.Core.CloudApi;
using WhatsAppCampaigns.Core.Conversations;
using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Messages;
using WhatsAppCampaigns.Core.Sending;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>Cart-abandonment reminders: each step a delay after the cart's last update, stopped by a purchase, a deletion or a reply.</summary>
public sealed class CartJourney(IOptions<CartReminderOptions> options, ICustomerServiceWindows conversations) : Journey<CartState>
{
    public override string Name => JourneyStep.Cart;

    public override JourneyOptions Options => options.Value;

    public override string EnteredCounter => "abandoned";

    public override string ConvertedCounter => "recovered";

    public override TableEntity ToEntity(CartState state) => CartEntityMapper.ToEntity(state);

    public override CartState FromEntity(TableEntity entity) => CartEntityMapper.ToState(entity);

    public override (int Step, DateTimeOffset DueAt)? NextAfter(CartState state, int step, DateTimeOffset now) =>
        step + 1 < Steps.Count ? (step + 1, state.UpdatedAt + Steps[step + 1].Delay) : null;

    public override CartState WithProgress(CartState state, int nextStep, DateTimeOffset? nextDueAt, int reminded) =>
        state with { NextStep = nextStep, NextDueAt = nextDueAt, Reminded = reminded };

    public override CartState Stopped(CartState state, string reason) => state with { Status = CartStatus.Stopped, StopReason = reason, NextDueAt = null };

    /// <summary>The customer came back by themselves: a reply after the cart's last update.</summary>
    public override async Task<string?> StopReasonAsync(CartState state, DateTimeOffset now, CancellationToken ct) =>
        await conversations.LastInboundAsync(state.Phone, ct) is { } replied && replied > state.UpdatedAt ? "replied" : null;

    public override SendRequest Message(CartState cart, int step, JourneyStepOptions definition) => new(
        StepOf(cart, step).Id,
        cart.Phone,
        definition.Template,
        LanguageOf(definition, cart.Language),
        definition.Category,
        [new TemplateComponent("body", definition.ParametersOr(CartReminderOptions.DefaultParameters).Select(p => TemplateParameter.FromText(Resolve(p, cart))).ToArray())],
        SendPolicy.Default);

    private static string Resolve(string token, CartState cart) => token switch
    {
        "customer_name" => string.IsNullOrWhiteSpace(cart.CustomerName) ? "there" : cart.CustomerName,
        "first_item" => cart.Items.Count switch
        {
            0 => "your items",
            1 => cart.Items[0].Name,
            _ => $"{cart.Items[0].Name} (+{cart.Items.Count - 1})",
        },
        "item_count" => cart.Items.Sum(i => i.Quantity).ToString(CultureInfo.InvariantCulture),
        "total" => $"{cart.Total.ToString("0.00", CultureInfo.InvariantCulture)} {cart.Currency}",
        "recovery_url" => cart.RecoveryUrl ?? "",
        _ => token,
    };
}
