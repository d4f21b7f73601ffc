using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Tax rates over FreshBooks taxes. <c>amount</c> is the percent as a decimal string, read and written exactly; a tax has
/// no <c>vis_state</c>, so every tax FreshBooks returns is active. Name, percent, id and <c>updated</c> are required.
/// </summary>
internal sealed class TaxRateRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<TaxWire, TaxRate>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, s.TaxId))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredEasternUpdated(s.Updated))
            .Map(d => d.State, s => RecordState.Active)
            .Map(d => d.Name, s => FreshBooksValues.RequiredText(s.Name, "name"))
            .Map(d => d.Percent, s => FreshBooksValues.RequiredDecimal(s.Amount, "amount"))
            .Map(d => d.RegistrationNumber, s => FreshBooksValues.Text(s.Number))
            .Map(d => d.IsCompound, s => s.Compound == true)
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewTaxRate, TaxWrite>()
            .Map(d => d.Name, s => s.Name)
            .Map(d => d.Number, s => s.RegistrationNumber)
            .Map(d => d.Amount, s => FreshBooksValues.Number(s.Percent))
            .Map(d => d.Compound, s => s.IsCompound);

        config.NewConfig<TaxRateChanges, TaxWrite>()
            .Map(d => d.Name, s => s.Name)
            .Map(d => d.Number, s => s.RegistrationNumber)
            .Map(d => d.Amount, s => s.Percent.HasValue ? FreshBooksValues.Number(s.Percent.Value) : null)
            .Map(d => d.Compound, s => s.IsCompound);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<TaxWire, TaxRate>(s => new TaxRate
        {
            Id = FreshBooksValues.RequiredId(s.Id, s.TaxId),
            UpdatedAt = FreshBooksValues.RequiredEasternUpdated(s.Updated),
            State = RecordState.Active,
            Name = FreshBooksValues.RequiredText(s.Name, "name"),
            Percent = FreshBooksValues.RequiredDecimal(s.Amount, "amount"),
            RegistrationNumber = FreshBooksValues.Text(s.Number),
            IsCompound = s.Compound == true,
        });
        mappings.Add<NewTaxRate, TaxWrite>(s => new TaxWrite
        {
            Name = s.Name,
            Number = s.RegistrationNumber,
            Amount = FreshBooksValues.Number(s.Percent),
            Compound = s.IsCompound,
        });
        mappings.Add<TaxRateChanges, TaxWrite>(s => new TaxWrite
        {
            Name = s.Name,
            Number = s.RegistrationNumber,
            Amount = s.Percent.HasValue ? FreshBooksValues.Number(s.Percent.Value) : null,
            Compound = s.IsCompound,
        });
    }
}
