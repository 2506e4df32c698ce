namespace Kith.Features.Contacts.Activity;

/// <summary>A readable sentence per feed action ("added a relationship"); the entry's Detail is shown beside it as plain text.</summary>
public static class FeedText
{
    public const string FormerUser = "someone who left";

    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        [FeedActions.ContactCreated] = "created the contact",
        [FeedActions.ContactUpdated] = "updated the contact",
        [FeedActions.ContactArchived] = "archived the contact",
        [FeedActions.ContactUnarchived] = "unarchived the contact",
        [FeedActions.ContactDeleted] = "moved the contact to the bin",
        [FeedActions.ContactRestored] = "restored the contact from the bin",
        [FeedActions.AvatarChanged] = "changed the avatar",
        [FeedActions.ImportantDateAdded] = "added an important date",
        [FeedActions.ImportantDateUpdated] = "changed an important date",
        [FeedActions.ImportantDateRemoved] = "removed an important date",
        [FeedActions.ContactInformationAdded] = "added contact information",
        [FeedActions.ContactInformationUpdated] = "changed contact information",
        [FeedActions.ContactInformationRemoved] = "removed contact information",
        [FeedActions.AddressAdded] = "added an address",
        [FeedActions.AddressUpdated] = "changed an address",
        [FeedActions.AddressRemoved] = "removed an address",
        [FeedActions.LabelAdded] = "added a label",
        [FeedActions.LabelRemoved] = "removed a label",
        [FeedActions.GroupJoined] = "added the contact to a group",
        [FeedActions.GroupLeft] = "removed the contact from a group",
        [FeedActions.RelationshipAdded] = "added a relationship",
        [FeedActions.RelationshipRemoved] = "removed a relationship",
        [FeedActions.PetAdded] = "added a pet",
        [FeedActions.PetUpdated] = "changed a pet",
        [FeedActions.PetRemoved] = "removed a pet",
        [FeedActions.QuickFactAdded] = "added a quick fact",
        [FeedActions.QuickFactUpdated] = "changed a quick fact",
        [FeedActions.QuickFactRemoved] = "removed a quick fact",
    };

    public static IReadOnlyCollection<string> KnownActions => Sentences.Keys;

    public static string Sentence(string action) => Sentences.GetValueOrDefault(action, "made a change");

    /// <summary>"just now", "5 minutes ago", "3 days ago"; older than a month gives null (the absolute date says it).</summary>
    public static string? Relative(DateTime at, DateTime now)
    {
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1)) return "just now";
        if (age < TimeSpan.FromHours(1)) return Plural((int)age.TotalMinutes, "minute");
        if (age < TimeSpan.FromDays(1)) return Plural((int)age.TotalHours, "hour");
        if (age < TimeSpan.FromDays(31)) return Plural((int)age.TotalDays, "day");
        return null;
    }

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit} ago" : $"{count} {unit}s ago";
}

/// <summary>One rendered feed line; Contact* are null on a contact's own feed or for vault-wide entries.</summary>
public sealed record FeedLine(string Who, string Sentence, string? Detail, DateTime OccurredAt, string? Relative,
    Guid? ContactId = null, string? ContactName = null, bool ContactDeleted = false);
