using System.Diagnostics;
using System.Globalization;
using Kith.Bench.DataGen;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Fills the first vault of an existing user with realistic contacts for the benchmarks:
//   kith-bench-datagen --provider Sqlite --connection "Data Source=…/kith.db" --email bench@example.com --contacts 10000
var options = ParseArguments(args);
var random = new Random(int.Parse(options.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture));
var count = int.Parse(options["contacts"], CultureInfo.InvariantCulture);
await using var db = CreateContext(options["provider"], options["connection"]);

var email = options["email"].ToUpperInvariant();
var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email);
var vaultId = await db.Vaults.Where(v => v.AccountId == user.AccountId).OrderBy(v => v.CreatedAt).Select(v => v.Id).FirstAsync();
var now = TimeProvider.System.GetUtcNow().UtcDateTime;

var emailType = await ItemAsync(PersonalizationKind.ContactInformationType, "Email", LinkScheme.Email);
var phoneType = await ItemAsync(PersonalizationKind.ContactInformationType, "Phone", LinkScheme.Phone);
var friendType = await ItemAsync(PersonalizationKind.RelationshipType, "Friend", LinkScheme.None, "Friend");
var colleagueType = await ItemAsync(PersonalizationKind.RelationshipType, "Colleague", LinkScheme.None, "Colleague");
var birthday = await db.ImportantDateTypes.Where(t => t.VaultId == vaultId && t.Kind == ImportantDateKind.Birthday).Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
if (birthday is null)
{
    var type = ImportantDateType.Create(vaultId, "Birthday", ImportantDateKind.Birthday, 0);
    db.ImportantDateTypes.Add(type);
    birthday = type.Id;
}
var labels = Names.Labels.Select(name => Label.Create(vaultId, name, LabelColours.All[random.Next(LabelColours.All.Count)])).ToList();
var companies = Names.Companies.Select(name => Company.Create(vaultId, name)).ToList();
db.Labels.AddRange(labels);
db.Companies.AddRange(companies);
await db.SaveChangesAsync();

var clock = Stopwatch.StartNew();
var previous = new List<Guid>();
for (var done = 0; done < count;)
{
    var batch = Math.Min(1000, count - done);
    for (var i = 0; i < batch; i++) AddContact(done + i);
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
    done += batch;
    Console.WriteLine($"{done} contacts ({clock.Elapsed.TotalSeconds:F0} s)");
}
return 0;

void AddContact(int index)
{
    var script = Names.Script(random);
    var first = Pick(Names.FirstNames[script]);
    var last = Pick(Names.LastNames[script]);
    var contact = Contact.Create(vaultId, first, user.Id, now.AddMinutes(-index));
    contact.LastName = last;
    if (random.NextDouble() < 0.2) contact.Nickname = Pick(Names.Nicknames);
    if (random.NextDouble() < 0.4)
    {
        contact.CompanyId = companies[random.Next(companies.Count)].Id;
        contact.JobPosition = Pick(["Engineer", "Designer", "Nurse", "Teacher", "Accountant", "Chef", "Manager"]);
    }
    if (random.NextDouble() < 0.05) contact.IsArchived = true;
    contact.Touch(now.AddMinutes(-index));
    db.Contacts.Add(contact);

    var local = $"{Ascii(first)}.{Ascii(last)}{index}".ToLowerInvariant();
    db.ContactInformation.Add(ContactInformation.Create(contact.Id, emailType, ContactInformationKind.Home, $"{local}@example.org", true));
    if (random.NextDouble() < 0.7)
        db.ContactInformation.Add(ContactInformation.Create(contact.Id, phoneType, ContactInformationKind.Other,
            $"+{random.Next(1, 99)} {random.Next(100, 999)} {random.Next(1000, 9999)} {random.Next(100, 9999)}", false));
    if (random.NextDouble() < 0.7)
        db.ImportantDates.Add(ImportantDate.Create(contact.Id, birthday!.Value, new PartialDate
        {
            Day = random.Next(1, 29),
            Month = random.Next(1, 13),
            Year = random.NextDouble() < 0.6 ? random.Next(1940, 2015) : null,
        }, null));
    foreach (var label in labels.Where(_ => random.NextDouble() < 0.12).Take(2))
        db.ContactLabels.Add(ContactLabel.Create(contact.Id, label.Id));
    if (previous.Count > 0 && random.NextDouble() < 0.3)
        db.Relationships.Add(Relationship.Create(vaultId, contact.Id, previous[random.Next(previous.Count)], random.NextDouble() < 0.5 ? friendType : colleagueType));
    if (previous.Count < 5000) previous.Add(contact.Id);
}

string Pick(string[] values) => values[random.Next(values.Length)];

static string Ascii(string value)
{
    var folded = ContactNames.Fold(value);
    var ascii = new string(folded.Where(char.IsAsciiLetterOrDigit).ToArray());
    return ascii.Length == 0 ? "person" : ascii;
}

async Task<Guid> ItemAsync(PersonalizationKind kind, string name, LinkScheme scheme, string? reverse = null)
{
    var id = await db.PersonalizationItems.Where(i => i.AccountId == user.AccountId && i.Kind == kind && i.Name == name).Select(i => (Guid?)i.Id).FirstOrDefaultAsync();
    if (id is { } existing) return existing;
    var item = PersonalizationItem.Create(user.AccountId, kind, name, 100, reverse, scheme);
    db.PersonalizationItems.Add(item);
    await db.SaveChangesAsync();
    return item.Id;
}

// The Identity part of the model depends on the app's Identity options (schema version 3, key lengths).
static AppDbContext CreateContext(string provider, string connection)
{
    var services = new ServiceCollection();
    services.Configure<IdentityOptions>(o =>
    {
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        o.Stores.MaxLengthForKeys = 128;
    });
    if (provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connection));
    else
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connection));
    return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
}

static Dictionary<string, string> ParseArguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument {args[i]}");
        result[args[i][2..]] = args[i + 1];
    }
    foreach (var required in new[] { "provider", "connection", "email", "contacts" })
        if (!result.ContainsKey(required)) throw new ArgumentException($"--{required} is required");
    return result;
}
