using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero tax rates as canonical tax rates. The id is Xero's <c>TaxType</c> (what a line names). <see cref="TaxRate.Percent"/>
/// is <c>EffectiveRate</c>, the rate a line amount is charged at; for a rate with compound components it is more than
/// <c>DisplayTaxRate</c> (the components added up), which stays in the raw representation. <see cref="TaxRate.IsCompound"/>
/// says the rate has a compound component (its percent already includes it: a Xero line carries one rate, so nothing
/// else is compounded on it). Xero keeps no change time on a tax rate, so <see cref="LedgerRecord.UpdatedAt"/> is null,
/// and no registration number (the organisation's tax number is not per rate). <c>Status</c>: <c>ACTIVE</c> → active,
/// <c>DELETED</c> → deleted, <c>ARCHIVED</c> and <c>PENDING</c> (not usable on documents now) → archived.
/// </summary>
internal sealed class TaxRateRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TaxRateWire, TaxRate>()
            .Map(d => d.Id, s => XeroValues.Required(s.TaxType, "TaxType"))
            .Map(d => d.UpdatedAt, s => (DateTimeOffset?)null)
            .Map(d => d.State, s => State(s.Status))
            .Map(d => d.Name, s => XeroValues.Required(s.Name, "Name"))
            .Map(d => d.Percent, s => XeroValues.Required(s.EffectiveRate, "EffectiveRate"))
            .Map(d => d.RegistrationNumber, s => (string?)null)
            .Map(d => d.IsCompound, s => s.TaxComponents != null && s.TaxComponents.Any(c => c.IsCompound == true))
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<TaxRateWire, TaxRate>(s => new TaxRate
        {
            Id = XeroValues.Required(s.TaxType, "TaxType"),
            UpdatedAt = null,
            State = State(s.Status),
            Name = XeroValues.Required(s.Name, "Name"),
            Percent = XeroValues.Required(s.EffectiveRate, "EffectiveRate"),
            RegistrationNumber = null,
            IsCompound = s.TaxComponents != null && s.TaxComponents.Any(c => c.IsCompound == true),
        });
    }

    /// <summary><c>Status</c> as the record state; a status Xero does not document is invalid data.</summary>
    internal static RecordState State(string? status) => status switch
    {
        "ACTIVE" => RecordState.Active,
        "DELETED" => RecordState.Deleted,
        "ARCHIVED" or "PENDING" => RecordState.Archived,
        _ => throw new FormatException($"Xero sent tax rate Status '{status}', which is not ACTIVE, DELETED, ARCHIVED or PENDING."),
    };
}
