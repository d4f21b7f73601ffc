using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ledgerline.Xero.Sandbox.Resources;

/// <summary>
/// Xero's <c>where</c> filter: comparisons (<c>== != &gt; &gt;= &lt; &lt;=</c>) of member paths with string, number,
/// boolean, <c>null</c>, <c>DateTime(y,m,d[,h,m,s])</c> and <c>Guid("…")</c> literals; <c>.Contains/.StartsWith/.EndsWith("…")</c>;
/// <c>AND</c>/<c>&amp;&amp;</c>, <c>OR</c>/<c>||</c>, <c>NOT</c>/<c>!</c> and parentheses. Strings compare case-insensitively.
/// A malformed expression is a <see cref="AccountingException"/> (QueryParseException).
/// </summary>
internal sealed class WhereExpression
{
    /// <summary>Longer filters are refused: bounded parsing, and Xero's gateway caps URL length anyway.</summary>
    public const int MaxLength = 4000;

    private readonly Func<JsonElement, bool> _predicate;

    private WhereExpression(Func<JsonElement, bool> predicate) => _predicate = predicate;

    public bool Matches(JsonElement record) => _predicate(record);

    public static WhereExpression Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw AccountingException.Query("The where clause is too long.");
        }

        var parser = new Parser(Tokenize(text));
        var predicate = parser.ParseOr();
        parser.ExpectEnd();
        return new WhereExpression(predicate);
    }

    private enum Kind
    {
        Ident,
        String,
        Number,
        Op,
        LParen,
        RParen,
        Comma,
        Dot,
        End,
    }

    private readonly record struct Token(Kind Kind, string Text, int Position);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var sb = new StringBuilder();
                var start = i++;
                while (true)
                {
                    if (i >= s.Length)
                    {
                        throw AccountingException.Query($"Unterminated string literal at position {start}.");
                    }

                    if (s[i] == '\\' && i + 1 < s.Length)
                    {
                        sb.Append(s[i + 1]);
                        i += 2;
                    }
                    else if (s[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        sb.Append(s[i++]);
                    }
                }

                tokens.Add(new Token(Kind.String, sb.ToString(), start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                var start = i++;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Number, s[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(Kind.Ident, s[start..i], start));
            }
            else
            {
                var two = i + 1 < s.Length ? s.Substring(i, 2) : null;
                if (two is "==" or "!=" or ">=" or "<=" or "&&" or "||")
                {
                    tokens.Add(new Token(Kind.Op, two, i));
                    i += 2;
                    continue;
                }

                var kind = c switch
                {
                    '(' => Kind.LParen,
                    ')' => Kind.RParen,
                    ',' => Kind.Comma,
                    '.' => Kind.Dot,
                    '>' or '<' or '!' or '=' => Kind.Op,
                    _ => throw AccountingException.Query($"Syntax error '{c}' at position {i}."),
                };
                tokens.Add(new Token(kind, c == '=' ? "==" : c.ToString(), i));
                i++;
            }
        }

        tokens.Add(new Token(Kind.End, "", s.Length));
        return tokens;
    }

    /// <summary>An operand: a member path read from the record, or a literal.</summary>
    private abstract record Operand
    {
        public abstract object? Value(JsonElement record);
    }

    private sealed record Member(IReadOnlyList<string> Path) : Operand
    {
        public override object? Value(JsonElement record) => FieldValues.Read(record, Path);
    }

    private sealed record Literal(object? Constant) : Operand
    {
        public override object? Value(JsonElement record) => Constant;
    }

    private sealed class Parser(List<Token> tokens)
    {
        private int _i;

        private Token Peek => tokens[_i];

        private Token Next() => tokens[_i++];

        private bool IsKeyword(string word) => Peek.Kind == Kind.Ident && string.Equals(Peek.Text, word, StringComparison.OrdinalIgnoreCase);

        private AccountingException Error(string expected) =>
            AccountingException.Query($"{expected} expected at position {Peek.Position.ToString(CultureInfo.InvariantCulture)}.");

        public void ExpectEnd()
        {
            if (Peek.Kind != Kind.End)
            {
                throw Error("End of expression");
            }
        }

        private void Expect(Kind kind, string what)
        {
            if (Next().Kind != kind)
            {
                _i--;
                throw Error(what);
            }
        }

        public Func<JsonElement, bool> ParseOr()
        {
            var left = ParseAnd();
            while ((Peek.Kind == Kind.Op && Peek.Text == "||") || IsKeyword("OR"))
            {
                Next();
                var l = left;
                var r = ParseAnd();
                left = e => l(e) || r(e);
            }

            return left;
        }

        private Func<JsonElement, bool> ParseAnd()
        {
            var left = ParseUnary();
            while ((Peek.Kind == Kind.Op && Peek.Text == "&&") || IsKeyword("AND"))
            {
                Next();
                var l = left;
                var r = ParseUnary();
                left = e => l(e) && r(e);
            }

            return left;
        }

        private Func<JsonElement, bool> ParseUnary()
        {
            if ((Peek.Kind == Kind.Op && Peek.Text == "!") || IsKeyword("NOT"))
            {
                Next();
                var inner = ParseUnary();
                return e => !inner(e);
            }

            if (Peek.Kind == Kind.LParen)
            {
                Next();
                var inner = ParseOr();
                Expect(Kind.RParen, "')'");
                return inner;
            }

            return ParseComparison();
        }

        private Func<JsonElement, bool> ParseComparison()
        {
            var (left, method) = ParseOperand();
            if (method is not null)
            {
                return method;
            }

            if (Peek.Kind != Kind.Op || Peek.Text is "!" or "&&" or "||")
            {
                // A bare boolean member, e.g. where=IsCustomer.
                return left is Member m ? e => FieldValues.Read(e, m.Path) is true : throw Error("Comparison operator");
            }

            var op = Next().Text;
            var (right, rightMethod) = ParseOperand();
            if (rightMethod is not null)
            {
                throw Error("Operand");
            }

            return e => Compare(op, left.Value(e), right.Value(e));
        }

        /// <summary>An operand, or (for <c>Member.Contains("x")</c>) a complete predicate.</summary>
        private (Operand Operand, Func<JsonElement, bool>? Method) ParseOperand()
        {
            var t = Next();
            switch (t.Kind)
            {
                case Kind.String:
                    return (new Literal(t.Text), null);
                case Kind.Number:
                    return decimal.TryParse(t.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
                        ? (new Literal(d), null)
                        : throw AccountingException.Query($"Invalid number '{t.Text}'.");
                case Kind.Ident:
                    break;
                default:
                    _i--;
                    throw Error("Operand");
            }

            if (t.Text.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return (new Literal(t.Text.Equals("true", StringComparison.OrdinalIgnoreCase)), null);
            }

            if (t.Text.Equals("null", StringComparison.OrdinalIgnoreCase))
            {
                return (new Literal(null), null);
            }

            if (Peek.Kind == Kind.LParen && t.Text.Equals("DateTime", StringComparison.OrdinalIgnoreCase))
            {
                return (new Literal(ParseDateTime()), null);
            }

            if (Peek.Kind == Kind.LParen && t.Text.Equals("Guid", StringComparison.OrdinalIgnoreCase))
            {
                Next();
                var g = Next();
                Expect(Kind.RParen, "')'");
                return g.Kind == Kind.String && Guid.TryParse(g.Text, out var guid)
                    ? (new Literal(guid.ToString()), null)
                    : throw AccountingException.Query($"Invalid Guid at position {g.Position.ToString(CultureInfo.InvariantCulture)}.");
            }

            var path = new List<string> { t.Text };
            while (Peek.Kind == Kind.Dot)
            {
                Next();
                var name = Next();
                if (name.Kind != Kind.Ident)
                {
                    _i--;
                    throw Error("Identifier");
                }

                if (Peek.Kind == Kind.LParen && name.Text is "Contains" or "StartsWith" or "EndsWith")
                {
                    Next();
                    var arg = Next();
                    Expect(Kind.RParen, "')'");
                    if (arg.Kind != Kind.String)
                    {
                        throw AccountingException.Query($"No applicable method '{name.Text}' exists for the argument at position {arg.Position.ToString(CultureInfo.InvariantCulture)}.");
                    }

                    var member = path.ToArray();
                    var needle = arg.Text;
                    Func<string, bool> test = name.Text switch
                    {
                        "Contains" => s => s.Contains(needle, StringComparison.OrdinalIgnoreCase),
                        "StartsWith" => s => s.StartsWith(needle, StringComparison.OrdinalIgnoreCase),
                        _ => s => s.EndsWith(needle, StringComparison.OrdinalIgnoreCase),
                    };
                    return (new Literal(null), e => FieldValues.Read(e, member) is string s && test(s));
                }

                path.Add(name.Text);
            }

            return (new Member(path), null);
        }

        private DateTime ParseDateTime()
        {
            Expect(Kind.LParen, "'('");
            var parts = new List<int>();
            while (true)
            {
                var n = Next();
                if (n.Kind != Kind.Number || !int.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    _i--;
                    throw Error("Integer");
                }

                parts.Add(v);
                if (Peek.Kind == Kind.Comma)
                {
                    Next();
                    continue;
                }

                Expect(Kind.RParen, "')'");
                break;
            }

            if (parts.Count is not (3 or 6))
            {
                throw AccountingException.Query("DateTime takes year, month, day and optionally hour, minute, second.");
            }

            try
            {
                return parts.Count == 3
                    ? new DateTime(parts[0], parts[1], parts[2], 0, 0, 0, DateTimeKind.Utc)
                    : new DateTime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], DateTimeKind.Utc);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw AccountingException.Query("DateTime arguments are out of range.");
            }
        }

        private static bool Compare(string op, object? a, object? b)
        {
            // A Guid literal compares with the member's string form; a DateTime literal with a /Date(…)/ member.
            if (a is string sa && b is string sb)
            {
                var eq = string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase);
                return op switch
                {
                    "==" => eq,
                    "!=" => !eq,
                    _ => Order(op, string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase)),
                };
            }

            if (a is null || b is null)
            {
                return op switch
                {
                    "==" => a is null && b is null,
                    "!=" => !(a is null && b is null),
                    _ => false,
                };
            }

            if (a.GetType() != b.GetType())
            {
                throw AccountingException.Query($"Operator '{op}' incompatible with operand types '{TypeName(a)}' and '{TypeName(b)}'");
            }

            var c = FieldValues.Compare(a, b);
            return op switch
            {
                "==" => c == 0,
                "!=" => c != 0,
                _ => Order(op, c),
            };
        }

        private static bool Order(string op, int c) => op switch
        {
            ">" => c > 0,
            ">=" => c >= 0,
            "<" => c < 0,
            "<=" => c <= 0,
            _ => throw AccountingException.Query($"Operator '{op}' is not supported."),
        };

        private static string TypeName(object o) => o switch
        {
            decimal => "Decimal",
            DateTime => "DateTime",
            bool => "Boolean",
            _ => "String",
        };
    }
}
