using System.Globalization;

namespace Ledgerline.Samples.Quickstart.Output;

/// <summary>Which side of its column a value sits on.</summary>
internal enum Align
{
    Left,
    Right,
}

/// <summary>
/// A plain-text table for console output: a header, a rule, and rows padded to the widest cell of each column.
/// Numbers read best right-aligned, names left-aligned; each column says which.
/// </summary>
internal sealed class TextTable
{
    private readonly (string Header, Align Align)[] _columns;
    private readonly List<string[]> _rows = [];

    public TextTable(params (string Header, Align Align)[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        _columns = columns;
    }

    public int RowCount => _rows.Count;

    public TextTable AddRow(params string?[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(cells.Length, _columns.Length, nameof(cells));
        _rows.Add([.. cells.Select(c => c ?? string.Empty)]);
        return this;
    }

    /// <summary>Writes the table, each line starting with <paramref name="indent"/>; trailing spaces are trimmed.</summary>
    public void WriteTo(TextWriter output, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = new int[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            widths[i] = Math.Max(_columns[i].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
        }

        WriteLine(output, indent, _columns.Select(c => c.Header).ToArray(), widths);
        WriteLine(output, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteLine(output, indent, row, widths);
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    private void WriteLine(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => _columns[i].Align == Align.Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        output.WriteLine((indent + string.Join("  ", padded)).TrimEnd());
    }
}
