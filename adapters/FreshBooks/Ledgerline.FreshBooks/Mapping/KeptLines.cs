using System.Globalization;
using Ledgerline.FreshBooks.Api;
using Ledgerline.FreshBooks.Http;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// What a document line keeps when a change gives it back by its id (<see cref="NewInvoiceLine.Id"/> = <c>lineid</c>):
/// FreshBooks replaces every line on a PUT, so the fields the canonical line has no place for are copied from the line as
/// FreshBooks holds it now: <c>type</c> and <c>expenseid</c> (a rebilled expense line stays rebilled, and billed once) and
/// <c>compounded_tax</c> (tax 2 keeps compounding on tax 1). Every canonical field comes from the change.
/// </summary>
internal static class KeptLines
{
    private const int MaxIdsShown = 20;

    /// <summary>Whether any line of a change names a current line, so the current lines must be read first.</summary>
    public static bool NameCurrentLines(IReadOnlyList<NewInvoiceLine>? lines) => lines?.Any(l => l.Id is not null) == true;

    /// <summary>
    /// <paramref name="written"/> (the change's lines as <see cref="InvoiceRegister.LinesOut"/> wrote them, same order) with
    /// the provider-only fields of the current line each one names.
    /// </summary>
    /// <param name="document">The document, for messages: <c>invoice 12</c>.</param>
    /// <param name="lines">The change's lines.</param>
    /// <param name="written">Those lines as written.</param>
    /// <param name="current">The document's lines as FreshBooks sent them.</param>
    /// <exception cref="LedgerValidationException">A line names a <c>lineid</c> the document does not have (<c>UnknownLine</c>).</exception>
    public static IReadOnlyList<InvoiceLineWrite> Apply(
        string document, IReadOnlyList<NewInvoiceLine> lines, IReadOnlyList<InvoiceLineWrite> written, IReadOnlyList<InvoiceLineWire>? current)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(written);
        var byId = new Dictionary<string, InvoiceLineWire>(StringComparer.Ordinal);
        foreach (var line in current ?? [])
        {
            if (FreshBooksValues.Reference(line.LineId) is { } id)
            {
                byId.TryAdd(id, line);
            }
        }

        var kept = new InvoiceLineWrite[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            if (lines[i].Id is not { } id)
            {
                kept[i] = written[i];
                continue;
            }

            if (!byId.TryGetValue(id, out var held))
            {
                throw UnknownLine(document, i, id, byId.Keys);
            }

            var rebilled = held.Type == 1;
            kept[i] = written[i] with
            {
                Type = held.Type ?? 0,
                ExpenseId = rebilled ? held.ExpenseId : null,
                CompoundedTax = held.CompoundedTax == true ? true : null,
            };
        }

        return kept;
    }

    /// <summary>
    /// <paramref name="written"/> (a bill change's lines as <see cref="BillRegister.LinesOut"/> wrote them) with the
    /// <c>compounded_tax</c> of the current line each one names by its <c>id</c>.
    /// </summary>
    /// <exception cref="LedgerValidationException">A line names an id the bill does not have (<c>UnknownLine</c>).</exception>
    public static IReadOnlyList<BillLineWrite> Apply(
        string document, IReadOnlyList<NewBillLine> lines, IReadOnlyList<BillLineWrite> written, IReadOnlyList<BillLineWire>? current)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(written);
        var byId = new Dictionary<string, BillLineWire>(StringComparer.Ordinal);
        foreach (var line in current ?? [])
        {
            if (FreshBooksValues.Reference(line.Id) is { } id)
            {
                byId.TryAdd(id, line);
            }
        }

        var kept = new BillLineWrite[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            if (lines[i].Id is not { } id)
            {
                kept[i] = written[i];
                continue;
            }

            kept[i] = byId.TryGetValue(id, out var held)
                ? written[i] with { CompoundedTax = held.CompoundedTax == true ? true : null }
                : throw UnknownLine(document, i, id, byId.Keys);
        }

        return kept;
    }

    private static LedgerValidationException UnknownLine(string document, int index, string id, IEnumerable<string> known)
    {
        // Bounded: a document may hold many lines; the first few show the caller what ids look like.
        var all = known.Order(StringComparer.Ordinal).ToList();
        var ids = string.Join(", ", all.Take(MaxIdsShown)) + (all.Count > MaxIdsShown ? ", …" : string.Empty);
        return new LedgerValidationException(
        [
            new FieldError(
                string.Create(CultureInfo.InvariantCulture, $"Lines[{index}].Id"),
                $"There is no line '{id}' on FreshBooks {document} (its line ids: {(ids.Length == 0 ? "none" : ids)}); FreshBooks renumbers lines whenever they change, so read the document again, or give a new line no id.",
                "UnknownLine"),
        ])
        {
            Provider = FreshBooksRequest.ProviderName,
        };
    }
}
