using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Ledgerline;

/// <summary>What every canonical record carries: its provider id, when it last changed, and its visibility.</summary>
public abstract record LedgerRecord
{
    /// <summary>The provider's id for the record, as a string whatever the provider's type.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// When the record last changed, in UTC (offset zero), converted from the provider's own clock and zone; or
    /// <see langword="null"/> when the provider keeps no change time for this kind of record (Xero tax rates), rather than
    /// an invented one. A store whose records can lack it does not offer the <see cref="RecordQuery.UpdatedSince"/> filter.
    /// </summary>
    public required DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The record's visibility.</summary>
    public RecordState State { get; init; }

    /// <summary>
    /// The provider's own representation of the record, for fields the canonical model does not carry: for FreshBooks and
    /// Xero a <see cref="RawJson"/> holding the record's JSON object exactly as received (parsed on demand through
    /// <see cref="RawJson.RootElement"/>). <see langword="null"/> for records made in memory, or when the adapter's
    /// <c>KeepRawRepresentation</c> option is off.
    /// </summary>
    [JsonIgnore]
    public object? RawRepresentation { get; init; }

    /// <summary>
    /// Writes the members for <see cref="object.ToString"/>. <see cref="RawRepresentation"/> is shown by its type and size
    /// only (e.g. <c>RawJson (1,234 bytes)</c>): the provider's JSON can be large and holds personal data, so a record
    /// written to a log line stays short; read it through <see cref="RawJson.ToString"/> when you want it.
    /// </summary>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Id = ").Append(Id)
            .Append(", UpdatedAt = ").Append(UpdatedAt is { } updated ? updated.ToString("O", CultureInfo.InvariantCulture) : "null")
            .Append(", State = ").Append(State)
            .Append(", RawRepresentation = ").Append(RawRepresentation switch
            {
                null => "null",
                RawJson raw => string.Create(CultureInfo.InvariantCulture, $"RawJson ({raw.Utf8.Length:N0} bytes)"),
                var other => other.GetType().Name,
            });
        return true;
    }
}

/// <summary>The kinds of record a ledger holds.</summary>
public enum EntityKind
{
    /// <summary>A customer or other party (<see cref="Ledgerline.Contact"/>).</summary>
    Contact,

    /// <summary>An invoice (<see cref="Ledgerline.Invoice"/>).</summary>
    Invoice,

    /// <summary>A payment against an invoice (<see cref="Ledgerline.Payment"/>).</summary>
    Payment,

    /// <summary>An expense (<see cref="Ledgerline.Expense"/>).</summary>
    Expense,

    /// <summary>Logged or running time (<see cref="Ledgerline.TimeEntry"/>).</summary>
    TimeEntry,

    /// <summary>A product or service from the catalogue (<see cref="Ledgerline.Item"/>).</summary>
    Item,

    /// <summary>A sales tax rate (<see cref="Ledgerline.TaxRate"/>).</summary>
    TaxRate,

    /// <summary>An estimate or quote (<see cref="Ledgerline.Estimate"/>).</summary>
    Estimate,

    /// <summary>A credit note issued to a customer (<see cref="Ledgerline.CreditNote"/>).</summary>
    CreditNote,

    /// <summary>A supplier (<see cref="Ledgerline.Vendor"/>).</summary>
    Vendor,

    /// <summary>A bill from a vendor (<see cref="Ledgerline.Bill"/>).</summary>
    Bill,

    /// <summary>A payment of a bill (<see cref="Ledgerline.BillPayment"/>).</summary>
    BillPayment,

    /// <summary>A project (<see cref="Ledgerline.Project"/>).</summary>
    Project,

    /// <summary>The connected business, read-only (<see cref="Ledgerline.Company"/>).</summary>
    Company,
}
