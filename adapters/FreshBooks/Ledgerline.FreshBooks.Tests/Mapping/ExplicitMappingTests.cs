using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;
using Ledgerline.FreshBooks.Mapping;
using Ledgerline.FreshBooks.Tests.Support;
using Ledgerline.Mapping;

namespace Ledgerline.FreshBooks.Tests.Mapping;

/// <summary>
/// The mappings written as code (what a Native AOT app runs, where Mapster cannot) against the Mapster configuration (what
/// every other test runs): the same pairs, and the same records, bodies and refusals for the golden bodies, every field of
/// them missing, null or junk, and drafts and changes with every member set or none.
/// </summary>
public sealed class ExplicitMappingTests
{
    private static readonly LedgerMapper<FreshBooksMapping> ByMapster = new();
    private static readonly LedgerMapper<FreshBooksMapping> ByCode = new(explicitOnly: true);

    private static readonly JsonSerializerOptions Compare = new() { WriteIndented = true };

    public static TheoryData<string> GoldenFiles =>
    [
        "client.json", "invoice.json", "payment.json", "expense.json", "time_entry.json", "tax.json", "item.json", "project.json",
        "estimate.json", "credit_note.json", "bill_vendor.json", "bill.json", "bill_payment.json",
    ];

    [Fact]
    public void Explicit_EveryMapsterPair_RegisteredOnceAsCode()
    {
        var mapster = FreshBooksMapping.Create().RuleMap.Keys.Select(t => (t.Source, t.Destination)).ToHashSet();

        var code = FreshBooksMapping.CreateExplicit().Pairs.ToHashSet();

        Assert.Empty(mapster.Except(code).Select(p => $"{p.Source.Name} -> {p.Destination.Name}"));
        Assert.Empty(code.Except(mapster).Select(p => $"{p.Source.Name} -> {p.Destination.Name}"));
        Assert.False(ByMapster.UsesExplicitMappings);
        Assert.True(ByCode.UsesExplicitMappings);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Map_GoldenBody_SameRecord(string file)
    {
        var body = Golden.Bytes(file);

        var expected = Outcome(file, body, ByMapster);

        Assert.False(expected.StartsWith("threw", StringComparison.Ordinal), expected);
        Assert.Equal(expected, Outcome(file, body, ByCode));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Map_EveryFieldMissingNullOrJunk_SameRecordOrSameRefusal(string file)
    {
        var compared = 0;
        foreach (var variant in Variants(file))
        {
            var expected = Outcome(file, variant, ByMapster);
            var actual = Outcome(file, variant, ByCode);
            if (expected.StartsWith("threw", StringComparison.Ordinal) && actual.StartsWith("threw", StringComparison.Ordinal))
            {
                // Both refuse, with the same exception. Where several required values are bad, Mapster reads the members in
                // the record's declaration order and the code in the register's, so the first one named may differ.
                Assert.Equal(expected.Split(':')[0], actual.Split(':')[0]);
            }
            else
            {
                Assert.Equal(expected, actual);
            }

            compared++;
        }

        Assert.True(compared > 10, $"{compared} variants of {file}");
    }

    [Fact]
    public void Map_DraftsAndChanges_SameBodies()
    {
        var pairs = FreshBooksMapping.CreateExplicit().Pairs
            .Where(p => p.Source.Namespace == typeof(NewInvoice).Namespace && p.Destination.Namespace == typeof(InvoiceWrite).Namespace)
            .ToList();
        Assert.True(pairs.Count >= 24, $"{pairs.Count} draft and change mappings");

        foreach (var (source, destination) in pairs)
        {
            foreach (var filled in new[] { true, false })
            {
                var input = Sample(source, filled, depth: 0);
                var map = typeof(ExplicitMappingTests).GetMethod(nameof(Body), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(source, destination);
                var expected = (string)map.Invoke(null, [input, ByMapster])!;
                var actual = (string)map.Invoke(null, [input, ByCode])!;
                Assert.True(expected == actual, $"{source.Name} -> {destination.Name} ({(filled ? "every member set" : "none set")}):\n{expected}\nvs\n{actual}");
            }
        }
    }

    private static string Body<TSource, TDestination>(TSource source, LedgerMapper<FreshBooksMapping> mapper)
    {
        try
        {
            return JsonSerializer.Serialize(mapper.Map<TSource, TDestination>(source), FreshBooksJson.Info<TDestination>());
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>The record read from <paramref name="body"/> (as JSON), or the refusal, through <paramref name="mapper"/>.</summary>
    private static string Outcome(string file, byte[] body, LedgerMapper<FreshBooksMapping> mapper)
    {
        var entity = EntityOf(file);
        var response = Golden.Response(body, entity);
        try
        {
            LedgerRecord record = file switch
            {
                "client.json" => Read.Record<Contact>(response, mapper: mapper),
                "invoice.json" => Read.Record<Invoice>(response, mapper: mapper),
                "payment.json" => Read.Record<Payment>(response, mapper: mapper),
                "expense.json" => Read.Record<Expense>(response, mapper: mapper),
                "time_entry.json" => Read.Record<TimeEntry>(response, mapper: mapper),
                "tax.json" => Read.Record<TaxRate>(response, mapper: mapper),
                "item.json" => Read.Record<Item>(response, mapper: mapper),
                "project.json" => Read.Projects(response, keepRaw: false, CurrencyCode.CAD, mapper),
                "estimate.json" => Read.Record<Estimate>(response, mapper: mapper),
                "credit_note.json" => Read.Record<CreditNote>(response, mapper: mapper),
                "bill_vendor.json" => Read.Record<Vendor>(response, mapper: mapper),
                "bill.json" => Read.Record<Bill>(response, mapper: mapper),
                "bill_payment.json" => Read.Record<BillPayment>(response, mapper: mapper),
                _ => throw new ArgumentException(file, nameof(file)),
            };
            return JsonSerializer.Serialize(record with { RawRepresentation = null }, record.GetType(), Compare);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>The golden body with each field of the record (and of its first line) removed, null, or junk.</summary>
    private static IEnumerable<byte[]> Variants(string file)
    {
        var fields = Record(JsonNode.Parse(Golden.Bytes(file))!).AsObject().Select(p => p.Key).ToList();
        var lineFields = Record(JsonNode.Parse(Golden.Bytes(file))!)["lines"] is JsonArray { Count: > 0 } lines && lines[0] is JsonObject line
            ? line.Select(p => p.Key).ToList()
            : [];
        foreach (var replacement in new JsonNode?[] { null, JsonValue.Create("junk"), JsonValue.Create(-1), JsonValue.Create(""), new JsonObject() })
        {
            foreach (var field in fields)
            {
                yield return Replace(file, record => record, field, replacement);
            }

            foreach (var field in lineFields)
            {
                yield return Replace(file, record => record["lines"]![0]!, field, replacement);
            }
        }

        foreach (var field in fields)
        {
            var root = JsonNode.Parse(Golden.Bytes(file))!;
            Record(root).AsObject().Remove(field);
            yield return JsonSerializer.SerializeToUtf8Bytes(root);
        }
    }

    private static byte[] Replace(string file, Func<JsonNode, JsonNode> owner, string field, JsonNode? replacement)
    {
        var root = JsonNode.Parse(Golden.Bytes(file))!;
        owner(Record(root))[field] = replacement?.DeepClone();
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static JsonNode Record(JsonNode root) =>
        root["response"]?["result"]?.AsObject().Single().Value ?? root["project"] ?? root["time_entry"]!;

    private static EntityKind EntityOf(string file) => file switch
    {
        "client.json" => EntityKind.Contact,
        "invoice.json" => EntityKind.Invoice,
        "payment.json" => EntityKind.Payment,
        "expense.json" => EntityKind.Expense,
        "time_entry.json" => EntityKind.TimeEntry,
        "tax.json" => EntityKind.TaxRate,
        "item.json" => EntityKind.Item,
        "project.json" => EntityKind.Project,
        "estimate.json" => EntityKind.Estimate,
        "credit_note.json" => EntityKind.CreditNote,
        "bill_vendor.json" => EntityKind.Vendor,
        "bill.json" => EntityKind.Bill,
        "bill_payment.json" => EntityKind.BillPayment,
        _ => throw new ArgumentException(file, nameof(file)),
    };

    /// <summary>
    /// A draft or change with every member set to a sample value FreshBooks would accept (ids are numbers), or with none
    /// set (a change that names nothing; a draft keeps only what it requires).
    /// </summary>
    private static object? Sample(Type type, bool filled, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return filled ? Sample(underlying, filled: true, depth) : null;
        }

        if (type == typeof(string))
        {
            return "123";
        }

        if (type == typeof(decimal))
        {
            return 12.5m;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Convert.ChangeType(7, type, CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2024, 3, 4);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 3, 4, 10, 30, 0, TimeSpan.Zero);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(90);
        }

        if (type == typeof(CurrencyCode))
        {
            return CurrencyCode.USD;
        }

        if (type == typeof(Money))
        {
            return new Money(12.5m, CurrencyCode.USD);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(Math.Min(1, values.Length - 1));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic &&
            (generic == typeof(IReadOnlyList<>) || generic == typeof(IList<>) || generic == typeof(IEnumerable<>) || generic == typeof(IReadOnlyCollection<>)))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            if (depth < 2)
            {
                list.Add(Sample(element, filled: true, depth + 1));
                list.Add(Sample(element, filled: true, depth + 1));
            }

            return list;
        }

        // Records: the primary constructor when there is one, then every settable member.
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Sample(p.ParameterType, filled: true, depth + 1)).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var required = property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
            if (filled || required)
            {
                property.SetValue(instance, Sample(property.PropertyType, filled: true, depth + 1));
            }
        }

        return instance;
    }
}
