using Ledgerline.FreshBooks.Http;
using System.Buffers;
using System.Text.Json;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Errors;
using Mapster;
using Microsoft.Extensions.Logging;

namespace Ledgerline.FreshBooks.Api;

/// <summary>FreshBooks' page counters (<c>page</c>, <c>pages</c>, <c>per_page</c>, <c>total</c>).</summary>
internal readonly record struct PageInfo(int Page, int Pages, int? Total)
{
    /// <summary>
    /// Reads the counters. <c>pages</c> decides how many pages are fetched, so a missing count, or any counter present
    /// with a value that is not a whole number, is an invalid response rather than a guess that could end a listing early.
    /// </summary>
    public static PageInfo From(FreshBooksResponse response, JsonElement counters)
    {
        var page = Int(response, counters, "page") ?? 1;
        var pages = Int(response, counters, "pages")
            ?? throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                "FreshBooks answered a list without a page count (\"pages\")");
        return new PageInfo(page, Math.Max(pages, 0), Int(response, counters, "total"));
    }

    private static int? Int(FreshBooksResponse response, JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => throw FreshBooksErrorTable.Invalid(response.Call, response.Status, response.Body,
                $"FreshBooks answered a list whose \"{name}\" counter is not a whole number: {Quote(value)}"),
        };
    }

    private static string Quote(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 64 ? raw : raw[..64] + "…";
    }
}
