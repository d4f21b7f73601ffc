namespace Ledgerline.Diagnostics;

/// <summary>A store operation as log lines name it (<c>ListPage</c>) and as telemetry tags it (<c>list_page</c>).</summary>
internal sealed record StoreOperation(string LogName, string TagName)
{
    public static StoreOperation Get { get; } = new("Get", "get");

    public static StoreOperation List { get; } = new("List", "list");

    public static StoreOperation ListPage { get; } = new("ListPage", "list_page");

    public static StoreOperation Create { get; } = new("Create", "create");

    public static StoreOperation Update { get; } = new("Update", "update");

    public static StoreOperation Archive { get; } = new("Archive", "archive");

    public static StoreOperation Restore { get; } = new("Restore", "restore");

    public static StoreOperation Delete { get; } = new("Delete", "delete");
}
