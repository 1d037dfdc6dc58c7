using System.Reflection;

namespace DerSim.Harness.Gherkin;

/// <summary>A public property or field a table column maps to; names match ignoring case, spaces and punctuation.</summary>
internal sealed record TableMember(MemberInfo Member, Type Type)
{
    public bool CanWrite => Member is PropertyInfo { CanWrite: true } or FieldInfo { IsInitOnly: false, IsLiteral: false };

    public object? Get(object instance) => Member is PropertyInfo p ? p.GetValue(instance) : ((FieldInfo)Member).GetValue(instance);

    public void Set(object instance, object? value)
    {
        if (Member is PropertyInfo p)
        {
            p.SetValue(instance, value);
        }
        else
        {
            ((FieldInfo)Member).SetValue(instance, value);
        }
    }

    /// <summary>The column/member name reduced to letters and digits, upper case: "First name", "first_name" and "FirstName" agree.</summary>
    public static string Normalize(string name) =>
        string.Concat(name.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public static TableMember? Find(Type type, string column)
    {
        var key = Normalize(column);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && Normalize(property.Name) == key)
            {
                return new TableMember(property, property.PropertyType);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Normalize(field.Name) == key)
            {
                return new TableMember(field, field.FieldType);
            }
        }

        return null;
    }
}
