using Ledgerline.Xero.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.Xero.Mapping;

/// <summary>
/// Xero items as canonical items: <c>Code</c>, <c>Name</c> (optional at Xero: an item without one reads with its code as
/// the name, as Xero lists it), the sales <c>Description</c>, and the sales details: <c>UnitPrice</c> in the organisation's
/// base currency, <c>TaxType</c> as the one tax rate id. <c>QuantityOnHand</c> only for items tracked as inventory. Xero
/// deletes items for good, so every item read is active. Purchase details stay in the raw representation.
/// </summary>
internal sealed class ItemRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<XeroItem, Item>()
            .Map(d => d.Id, s => XeroValues.Required(s.Wire.ItemID, "ItemID"))
            .Map(d => d.UpdatedAt, s => XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"))
            .Map(d => d.State, s => RecordState.Active)
            .Map(d => d.Name, s => XeroValues.Text(s.Wire.Name) ?? XeroValues.Required(s.Wire.Code, "Name or Code"))
            .Map(d => d.Code, s => XeroValues.Text(s.Wire.Code))
            .Map(d => d.Description, s => XeroValues.Text(s.Wire.Description))
            .Map(d => d.UnitPrice, s => s.Wire.SalesDetails == null || s.Wire.SalesDetails.UnitPrice == null
                ? (Money?)null
                : new Money(s.Wire.SalesDetails.UnitPrice.Value, s.Currency))
            .Map(d => d.TaxRateIds, s => TaxRateIds(s.Wire.SalesDetails))
            .Map(d => d.QuantityOnHand, s => s.Wire.IsTrackedAsInventory == true ? s.Wire.QuantityOnHand : null)
            .Ignore(d => d.RawRepresentation);
    }

    /// <summary>The same mapping written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: RawRepresentation.
        mappings.Add<XeroItem, Item>(s => new Item
        {
            Id = XeroValues.Required(s.Wire.ItemID, "ItemID"),
            UpdatedAt = XeroValues.Instant(s.Wire.UpdatedDateUtc, "UpdatedDateUTC"),
            State = RecordState.Active,
            Name = XeroValues.Text(s.Wire.Name) ?? XeroValues.Required(s.Wire.Code, "Name or Code"),
            Code = XeroValues.Text(s.Wire.Code),
            Description = XeroValues.Text(s.Wire.Description),
            UnitPrice = s.Wire.SalesDetails == null || s.Wire.SalesDetails.UnitPrice == null
                ? null
                : new Money(s.Wire.SalesDetails.UnitPrice.Value, s.Currency),
            TaxRateIds = TaxRateIds(s.Wire.SalesDetails),
            QuantityOnHand = s.Wire.IsTrackedAsInventory == true ? s.Wire.QuantityOnHand : null,
        });
    }

    private static IReadOnlyList<string> TaxRateIds(ItemDetailsWire? sales) =>
        XeroValues.Text(sales?.TaxType) is { } type ? [type] : [];
}
