/**
 * Name pools of the sample org. Everything here must be encodable in Windows-1252, since
 * people's and companies' names end up in accounts.csv, which is written in that code page.
 */

export const FIRST_NAMES = [
  'Alex', 'Amara', 'Ana', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloé', 'Daniel', 'Dana', 'Diego', 'Elena',
  'Emma', 'Erik', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jamal', 'Jana', 'José',
  'Julia', 'Kai', 'Kenji', 'Lars', 'Laura', 'Leila', 'Liam', 'Lucía', 'Maya', 'Marco', 'Mei', 'Miguel',
  'Nadia', 'Noah', 'Nora', 'Omar', 'Olivia', 'Pablo', 'Priya', 'Rafael', 'Rina', 'Ryan', 'Sara', 'Samir',
  'Sofia', 'Søren', 'Tariq', 'Tess', 'Theo', 'Uma', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoë', 'Zane',
] as const;

export const LAST_NAMES = [
  'Adams', 'Alvarez', 'Bauer', 'Becker', 'Brooks', 'Castro', 'Chen', 'Costa', 'Dubois', 'Evans', 'Fischer',
  'Flores', 'García', 'Gupta', 'Hansen', 'Hayes', 'Ito', 'Jensen', 'Kim', 'Kowalski', 'Larsen', 'Lee',
  'Lopez', 'Martin', 'Meyer', 'Mendes', 'Moreau', 'Müller', 'Nakamura', 'Nguyen', 'Novak', "O'Brien",
  'Okafor', 'Olsen', 'Patel', 'Pereira', 'Quinn', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh',
  'Søndergaard', 'Tanaka', 'Torres', 'Varga', 'Wagner', 'Walsh', 'Weber', 'Williams', 'Wong', 'Yilmaz', 'Zhang',
] as const;

/** First parts of company names. */
export const COMPANY_STEMS = [
  'Acme', 'Aurora', 'Apex', 'Atlas', 'Beacon', 'Birch', 'Blue Harbor', 'Brightline', 'Cascade', 'Cedar',
  'Cobalt', 'Crescent', 'Delta', 'Ember', 'Evergreen', 'Falcon', 'Fjord', 'Granite', 'Harbor', 'Helix',
  'Horizon', 'Iron Gate', 'Juniper', 'Keystone', 'Kestrel', 'Lakeshore', 'Lumen', 'Maple', 'Meridian',
  'Monarch', 'Nimbus', 'Northwind', 'Oakridge', 'Orion', 'Pacific', 'Pinnacle', 'Polaris', 'Quantum',
  'Redwood', 'Riverbend', 'Sable', 'Sequoia', 'Silverline', 'Solstice', 'Summit', 'Tidewater', 'Titan',
  'Trident', 'Umbra', 'Vantage', 'Vertex', 'Willow', 'Zenith', 'Zephyr', 'Alder', 'Bluebird', 'Copperfield',
  'Driftwood', 'Everstone', 'Foxglove', 'Greystone', 'Highland', 'Ironwood', 'Larkspur', 'Moonstone',
  'Newport', 'Oceanic', 'Pioneer', 'Quarry', 'Rockport', 'Starling', 'Thistle', 'Upland', 'Valiant',
] as const;

/** Industries (the roundtable grouping) with the words their company names use. */
export const INDUSTRIES: Readonly<Record<string, readonly string[]>> = {
  'Financial Services': ['Bank', 'Capital', 'Financial', 'Insurance', 'Payments', 'Credit Union'],
  Healthcare: ['Health', 'Medical', 'Clinics', 'Biotech', 'Pharma', 'Care'],
  Retail: ['Retail', 'Outfitters', 'Markets', 'Stores', 'Commerce', 'Brands'],
  Manufacturing: ['Manufacturing', 'Industries', 'Machinery', 'Components', 'Fabrication', 'Robotics'],
  Technology: ['Software', 'Systems', 'Labs', 'Networks', 'Cloud', 'Data'],
  'Public Sector': ['County', 'Transit Authority', 'Department', 'Agency', 'Municipal Services', 'Institute'],
  Telecommunications: ['Telecom', 'Wireless', 'Communications', 'Broadband', 'Mobile', 'Fiber'],
  Energy: ['Energy', 'Power', 'Utilities', 'Renewables', 'Grid', 'Solar'],
  Education: ['University', 'College', 'Learning', 'Academy', 'Schools', 'EdTech'],
  'Media & Entertainment': ['Media', 'Studios', 'Games', 'Entertainment', 'Broadcasting', 'Publishing'],
  'Transportation & Logistics': ['Logistics', 'Freight', 'Airlines', 'Shipping', 'Rail', 'Mobility'],
};

/** Legal-form endings of company names. */
export const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Corp', 'Group', 'Ltd', 'GmbH', 'AG', 'S.A.', 'plc', 'Co.', '', '', ''] as const;

/** Hand-written names: accents (Windows-1252 bytes), commas, quotes, a line break, markup and a formula. */
export const SPECIAL_COMPANIES: readonly { name: string; industry: string }[] = [
  { name: 'Société Générale Démo', industry: 'Financial Services' },
  { name: 'Müller Maschinenbau', industry: 'Manufacturing' },
  { name: 'Nordisk Ålborg Energi A/S', industry: 'Energy' },
  { name: 'Café São Paulo Ltda', industry: 'Retail' },
  { name: 'Brisa – Autoestradas', industry: 'Transportation & Logistics' },
  { name: 'Smith, Barney & Co.', industry: 'Financial Services' },
  { name: 'The "Blue Whale" Company', industry: 'Media & Entertainment' },
  { name: 'Northwind Traders\r\nEMEA Division', industry: 'Retail' },
  { name: '<img src=x onerror=alert(1)>', industry: 'Technology' },
  { name: '=HYPERLINK("http://x","y")', industry: 'Technology' },
];

export const REGIONS = ['AMER', 'EMEA', 'APAC', 'PubSec'] as const;

/** Subjects of workshops; the same subject on several accounts is one workshop delivered. */
export const WORKSHOP_TOPICS = [
  'CI/CD Pipelines Workshop', 'Security Scanning Workshop', 'Workshop: Planning, Boards & Epics',
  'Runner Fleet Best Practices', 'GitOps with Kubernetes Workshop', 'Value Stream Analytics Workshop',
  'Code Review Workshop', 'Compliance Pipelines Workshop', 'Package & Container Registry Workshop',
  'Duo: AI in the SDLC Workshop', 'Migration from Jenkins Workshop', 'Dependency Scanning Deep Dive',
] as const;

export const ROUNDTABLE_TOPICS = [
  'Platform Engineering Roundtable', 'DevSecOps Leaders Roundtable', 'AI Adoption Roundtable',
  'Software Supply Chain Roundtable', 'Developer Productivity Roundtable',
] as const;
