namespace Ledgerline.Xero.Sandbox.Accounting.Model;

/// <summary>A product or service code whose sales and purchase defaults fill invoice lines that name it.</summary>
internal sealed class Item : XeroEntity
{
    public string Code { get; set; } = "";

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? PurchaseDescription { get; set; }

    public bool IsSold { get; set; } = true;

    public bool IsPurchased { get; set; } = true;

    public ItemDetails? SalesDetails { get; set; }

    public ItemDetails? PurchaseDetails { get; set; }

    public override XeroEntity Copy() => (Item)MemberwiseClone();
}
