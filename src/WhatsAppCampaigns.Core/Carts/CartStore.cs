using WhatsAppCampaigns.Core.Journeys;
using WhatsAppCampaigns.Core.Storage;

namespace WhatsAppCampaigns.Core.Carts;

/// <summary>Carts as the journey engine keeps them (<see cref="JourneyStore{TState}"/>), under the journey <c>cart</c>.</summary>
public sealed class CartStore(StorageClients storage, CartJourney journey, JourneyDueIndex due) : JourneyStore<CartState>(storage, journey, due);
