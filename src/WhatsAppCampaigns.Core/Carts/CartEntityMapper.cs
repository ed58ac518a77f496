using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace WhatsAppCampaigns.Core.Carts;

internal static class CartEntityMapper
{
    public static TableEntity ToEntity(CartState cart) => new()
    {
        [nameof(CartState.Phone)] = cart.Phone,
        [nameof(CartState.CustomerName)] = cart.CustomerName,
        [nameof(CartState.Items)] = JsonSerializer.Serialize(cart.Items),
        [nameof(CartState.Currency)] = cart.Currency,
        [nameof(CartState.Total)] = cart.Total.ToString(CultureInfo.InvariantCulture),
        [nameof(CartState.RecoveryUrl)] = cart.RecoveryUrl,
        [nameof(CartState.Language)] = cart.Language,
        [nameof(CartState.UpdatedAt)] = cart.UpdatedAt,
        [nameof(CartState.Sequence)] = cart.Sequence,
        [nameof(CartState.NextStep)] = cart.NextStep,
        [nameof(CartState.NextDueAt)] = cart.NextDueAt,
        [nameof(CartState.Status)] = cart.Status.ToString(),
        [nameof(CartState.StopReason)] = cart.StopReason,
        [nameof(CartState.OrderId)] = cart.OrderId,
        [nameof(CartState.Amount)] = cart.Amount?.ToString(CultureInfo.InvariantCulture),
        [nameof(CartState.PurchasedAt)] = cart.PurchasedAt,
        [nameof(CartState.AttributedStep)] = cart.AttributedStep,
        [nameof(CartState.Reminded)] = cart.Reminded,
    };

    public static CartState ToState(TableEntity e) => new(
        e.RowKey,
        e.GetString(nameof(CartState.Phone))!,
        e.GetString(nameof(CartState.CustomerName)),
        JsonSerializer.Deserialize<List<CartItem>>(e.GetString(nameof(CartState.Items)) ?? "[]") ?? [],
        e.GetString(nameof(CartState.Currency)) ?? "",
        decimal.Parse(e.GetString(nameof(CartState.Total)) ?? "0", CultureInfo.InvariantCulture),
        e.GetString(nameof(CartState.RecoveryUrl)),
        e.GetString(nameof(CartState.Language)),
        e.GetDateTimeOffset(nameof(CartState.UpdatedAt)) ?? DateTimeOffset.MinValue,
        e.GetInt32(nameof(CartState.Sequence)) ?? 0,
        e.GetInt32(nameof(CartState.NextStep)) ?? 0,
        e.GetDateTimeOffset(nameof(CartState.NextDueAt)),
        Enum.Parse<CartStatus>(e.GetString(nameof(CartState.Status)) ?? nameof(CartStatus.Open)),
        e.GetString(nameof(CartState.StopReason)),
        e.GetString(nameof(CartState.OrderId)),
        e.GetString(nameof(CartState.Amount)) is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null,
        e.GetDateTimeOffset(nameof(CartState.PurchasedAt)),
        e.GetInt32(nameof(CartState.AttributedStep)),
        e.GetInt32(nameof(CartState.Reminded)) ?? 0);
}
