using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppCampaigns.Core.Webhooks;
using static WhatsAppCampaigns.IntegrationTests.Infrastructure.WebhookPayloads;

namespace WhatsAppCampaigns.IntegrationTests.Infrastructure;

/// <summary>One fuzzed webhook POST: its body and signature header, and whether it is signed with the app's secret.</summary>
public sealed record FuzzRequest(string Kind, byte[] Body, string? Signature, bool Authentic);

/// <summary>
/// Mixed webhook bodies as a hostile or broken sender would post them: unsigned, tampered, wrong-secret and malformed
/// signatures (each trying to opt a victim out or move a victim's message), and signed bodies that are not JSON, break
/// Meta's shapes, carry oversized strings or name messages never sent. The same seed gives the same bodies.
/// </summary>
public static class WebhookFuzz
{
    private const long T0 = 1_772_460_000;

    public static readonly string[] MalformedCases =
    [
        "null_entry", "null_change", "change_without_value", "value_null", "value_not_object", "field_not_string",
        "entry_not_object", "changes_not_array", "null_message", "null_status", "null_preference",
        "huge_preference_detail", "huge_wamid", "bad_callback_key", "huge_callback", "huge_text",
    ];

    private static string Huge => new('x', 70_000);

    /// <param name="victims">Numbers that only unauthentic bodies target: their consent and messages must not change.</param>
    /// <param name="victimCampaign">A campaign whose messages to the victims were sent; unauthentic statuses name it.</param>
    public static IEnumerable<FuzzRequest> Generate(int count, int seed, IReadOnlyList<string> victims, string victimCampaign)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var victim = victims[random.Next(victims.Count)];
            var bystander = $"+52155{random.Next(10_000_000, 99_999_999)}";
            var roll = random.Next(100);
            yield return roll switch
            {
                < 10 => Unauthentic("unsigned", Attack(random, victim, victimCampaign), null),
                < 20 => Tampered(random, victim),
                < 28 => Unauthentic("wrong_secret", Attack(random, victim, victimCampaign), WebhookSignature.Compute(Attack(random, victim, victimCampaign), "not-the-app-secret")),
                < 34 => Unauthentic("bad_header", Attack(random, victim, victimCampaign), BadHeader(random)),
                < 56 => Signed("malformed", Bytes(Malformed(MalformedCases[random.Next(MalformedCases.Length)], bystander))),
                < 76 => Signed("mutated", Bytes(Mutate(random, Valid(random, bystander), depth: 0)!)),
                < 80 => Signed("not_json", NotJson(random)),
                < 99 => Signed("unsent_status", Bytes(Statuses(Status($"c-{random.Next(50)}", bystander, Pick(random, "sent", "delivered", "read", "failed"), T0)))),
                _ => Signed("oversized", Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', (1024 * 1024) + 10) + "\"}")),
            };
        }
    }

    /// <summary>Whether an answer is what the body deserves: 401 for anything not signed with the app secret, never 5xx.</summary>
    public static bool IsExpected(FuzzRequest request, HttpStatusCode status) =>
        request.Authentic ? (int)status is 200 or 400 or 413 : status == HttpStatusCode.Unauthorized;

    private static FuzzRequest Signed(string kind, byte[] body) => new(kind, body, Sign(body), true);

    private static FuzzRequest Unauthentic(string kind, byte[] body, string? signature) => new(kind, body, signature, false);

    /// <summary>Signed as it was, then changed: the signature no longer matches.</summary>
    private static FuzzRequest Tampered(Random random, string victim)
    {
        var original = Bytes(Text(victim, "hola", T0));
        var signature = Sign(original);
        var body = random.Next(2) == 0
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("hola", "STOP"))
            : [.. original, (byte)' '];
        return new FuzzRequest("tampered", body, signature, false);
    }

    private static byte[] Attack(Random random, string victim, string campaign) => random.Next(3) switch
    {
        0 => Bytes(Text(victim, "STOP", T0)),
        1 => Bytes(UserPreference(victim, "stop", T0)),
        _ => Bytes(Statuses(Status(campaign, victim, "read", T0))),
    };

    private static string BadHeader(Random random) => random.Next(5) switch
    {
        0 => "",
        1 => "sha256=",
        2 => "sha256=" + new string('z', 64),
        3 => "sha1=" + new string('0', 40),
        _ => "sha256=" + Convert.ToHexString(new byte[32]).ToLowerInvariant() + "00",
    };

    private static JsonObject Valid(Random random, string phone) => random.Next(3) switch
    {
        0 => Text(phone, Pick(random, "hola", "STOP", "Alta", "¿qué tal? 😀"), T0),
        1 => UserPreference(phone, Pick(random, "stop", "resume"), T0),
        _ => Statuses(Status($"c-{random.Next(50)}", phone, "delivered", T0)),
    };

    /// <summary>Replaces nodes at random with nulls, wrong types, huge or control-character strings.</summary>
    private static JsonNode? Mutate(Random random, JsonNode? node, int depth)
    {
        if (depth > 0 && random.Next(6) == 0)
        {
            return random.Next(7) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(-1000, 1000)),
                2 => JsonValue.Create(Huge),
                3 => new JsonArray(null, JsonValue.Create("x")),
                4 => new JsonObject(),
                5 => JsonValue.Create("a/b#c?\u0000\u0085\t"),
                _ => JsonValue.Create(1e308),
            };
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    obj[key] = Mutate(random, obj[key]?.DeepClone(), depth + 1);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Mutate(random, array[i]?.DeepClone(), depth + 1);
                }

                return array;
            default:
                return node;
        }
    }

    private static byte[] NotJson(Random random) => random.Next(5) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes("[1,2,3]"),
        2 => Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":["),
        3 => Encoding.UTF8.GetBytes("\"just a string\""),
        _ => Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256)).ToArray(),
    };

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    /// <summary>A payload holding one bad part of kind <paramref name="name"/> and a good STOP from <paramref name="phone"/>.</summary>
    public static JsonObject Malformed(string name, string phone)
    {
        var stop = Text(phone, "STOP", T0);
        var goodChange = stop["entry"]![0]!["changes"]![0]!.DeepClone();
        var goodEntry = stop["entry"]![0]!.DeepClone();
        var wa = phone.TrimStart('+');

        JsonObject WithChanges(params JsonNode?[] changes) => new()
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "102290129340398", ["changes"] = new JsonArray(changes) }),
        };

        JsonNode StopMessage() => stop["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!.DeepClone();

        JsonObject MessagesChange(JsonObject value)
        {
            value["messaging_product"] = "whatsapp";
            value["metadata"] = new JsonObject { ["display_phone_number"] = "15550001111", ["phone_number_id"] = PhoneNumberId };
            return new JsonObject { ["field"] = "messages", ["value"] = value };
        }

        JsonObject BadStatus(Action<JsonObject> spoil)
        {
            var status = Status("c-bad", "+5215512399999", "delivered", T0);
            spoil(status);
            return MessagesChange(new JsonObject { ["statuses"] = new JsonArray(status) });
        }

        return name switch
        {
            "null_entry" => new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray(null, goodEntry) },
            "null_change" => WithChanges(null, goodChange),
            "change_without_value" => WithChanges(new JsonObject { ["field"] = "messages" }, goodChange),
            "value_null" => WithChanges(new JsonObject { ["field"] = "user_preferences", ["value"] = null }, goodChange),
            "value_not_object" => WithChanges(new JsonObject { ["field"] = "messages", ["value"] = new JsonArray(1, 2) }, goodChange),
            "field_not_string" => WithChanges(new JsonObject { ["field"] = 42, ["value"] = new JsonObject() }, goodChange),
            "entry_not_object" => new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray("x", goodEntry) },
            "changes_not_array" => new JsonObject
            {
                ["object"] = "whatsapp_business_account",
                ["entry"] = new JsonArray(new JsonObject { ["id"] = "1", ["changes"] = new JsonObject() }, goodEntry),
            },
            "null_message" => WithChanges(MessagesChange(new JsonObject { ["messages"] = new JsonArray(null, StopMessage()) })),
            "null_status" => WithChanges(MessagesChange(new JsonObject { ["statuses"] = new JsonArray(null, "x") }), goodChange),
            "null_preference" => WithChanges(new JsonObject
            {
                ["field"] = "user_preferences",
                ["value"] = new JsonObject
                {
                    ["user_preferences"] = new JsonArray(null, new JsonObject
                    {
                        ["wa_id"] = wa,
                        ["category"] = "marketing_messages",
                        ["value"] = "stop",
                        ["timestamp"] = T0,
                    }),
                },
            }),
            "huge_preference_detail" => WithChanges(new JsonObject
            {
                ["field"] = "user_preferences",
                ["value"] = new JsonObject
                {
                    ["user_preferences"] = new JsonArray(
                        new JsonObject { ["wa_id"] = wa, ["category"] = Huge, ["value"] = "stop", ["timestamp"] = T0 },
                        new JsonObject { ["wa_id"] = wa, ["detail"] = Huge, ["category"] = "marketing_messages", ["value"] = "stop", ["timestamp"] = T0 }),
                },
            }),
            "huge_wamid" => WithChanges(BadStatus(s => s["id"] = Huge), goodChange),
            "bad_callback_key" => WithChanges(BadStatus(s => s["biz_opaque_callback_data"] = "c/1#?\u0001|+5215512399999"), goodChange),
            "huge_callback" => WithChanges(BadStatus(s => s["biz_opaque_callback_data"] = Huge + "|+5215512399999"), goodChange),
            "huge_text" => WithChanges(MessagesChange(new JsonObject
            {
                ["messages"] = new JsonArray(new JsonObject { ["from"] = Huge, ["id"] = Huge, ["type"] = "text", ["text"] = new JsonObject { ["body"] = Huge } }),
            }), goodChange),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
