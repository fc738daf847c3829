/**
 * Reference data of the first office (BKK Kelas I Palembang), copied from the office's published lists.
 * Codes are stable identifiers used by URLs, exports and tests. The employees are made-up people.
 */
export const FIRST_OFFICE = {
  office: {
    code: 'bkk-palembang',
    name: 'Balai Kekarantinaan Kesehatan Kelas I Palembang',
    timezone: 'Asia/Jakarta',
    complaintUrl: 'https://www.lapor.go.id',
  },
  workAreas: [
    { code: 'kantor-induk', name: 'Kantor Induk' },
    { code: 'boom-baru', name: 'Wilker Pelabuhan Boom Baru' },
    { code: 'sungai-lumpur', name: 'Wilker Pelabuhan Khusus Sungai Lumpur' },
    { code: 'tanjung-api-api', name: 'Wilker Pelabuhan Tanjung Api-Api' },
    { code: 'bandara-smb-ii', name: 'Pos Bandara SMB II Palembang' },
    { code: 'bandara-silampari', name: 'Pos Bandara Silampari Lubuk Linggau' },
  ],
  serviceTypes: [
    { code: 'posbindu', name: 'Pelayanan Terpadu POSBINDU' },
    { code: 'sertifikat-air-bersih', name: 'Penerbitan Sertifikat Air Bersih' },
    { code: 'desinfeksi-alat-angkut', name: 'Desinfeksi Alat Angkut' },
    { code: 'desinfeksi-kapal', name: 'Desinfeksi di Kapal Laut' },
    { code: 'pengawasan-negara-terjangkit', name: 'Pengawasan Penumpang dan Pesawat dari Negara Terjangkit' },
    { code: 'embarkasi-haji', name: 'Pemeriksaan Akhir pada Embarkasi Haji' },
    { code: 'pemeriksaan-pengobatan', name: 'Pelayanan Kesehatan (Pemeriksaan dan Pengobatan)' },
    { code: 'laboratorium', name: 'Pelayanan Laboratorium Sederhana' },
    { code: 'gawat-darurat', name: 'Pelayanan Gawat Darurat Medik' },
    { code: 'laik-hygiene-jasaboga', name: 'Penerbitan Sertifikat Laik Hygiene Sanitasi Jasaboga' },
    { code: 'ijin-angkut-jenazah', name: 'Penerbitan Surat Ijin Angkut Jenazah' },
    { code: 'buku-kesehatan-kapal', name: 'Penerbitan Buku Kesehatan Kapal' },
    { code: 'sscec-p3k', name: 'Pemeriksaan Sanitasi dan P3K Kapal (SSCEC dan Sertifikat Obat/P3K)' },
    { code: 'cop', name: 'Penerbitan Certificate of Pratique (COP)' },
    { code: 'phqc', name: 'Penerbitan Port Health Quarantine Certificate (PHQC)' },
    { code: 'surat-keterangan-sehat', name: 'Penerbitan Surat Keterangan Sehat' },
    { code: 'ijin-angkut-orang-sakit', name: 'Pengawasan Ijin Angkut Orang Sakit' },
    { code: 'surat-laik-terbang', name: 'Penerbitan Surat Laik Terbang' },
    { code: 'vaksinasi-covid-19', name: 'Pelayanan Vaksinasi Covid-19' },
    { code: 'vaksinasi-internasional', name: 'Pelayanan Terpadu Vaksinasi Internasional dan ICV' },
  ],
  employees: [
    { nip: '199203152019032001', name: 'dr. Rina Kartika, M.Kes', position: 'Dokter Ahli Muda', workArea: 'kantor-induk', kind: 'asn' },
    {
      nip: '198507222010121002',
      name: 'Agus Salim, S.KM',
      position: 'Epidemiolog Kesehatan Ahli Muda',
      workArea: 'kantor-induk',
      kind: 'asn',
    },
    { nip: '199011042015032003', name: 'Ns. Dewi Lestari, S.Kep', position: 'Perawat Ahli Pertama', workArea: 'boom-baru', kind: 'asn' },
    { nip: '198812302014021001', name: 'Bambang Hartono, S.ST', position: 'Sanitarian Ahli Pertama', workArea: 'boom-baru', kind: 'asn' },
    {
      nip: '199405182020122004',
      name: 'Siti Aminah, A.Md.Kes',
      position: 'Entomolog Kesehatan Terampil',
      workArea: 'sungai-lumpur',
      kind: 'asn',
    },
    {
      nip: '199601092022031005',
      name: 'Rudi Pratama, S.Kom',
      position: 'Pranata Komputer Ahli Pertama',
      workArea: 'sungai-lumpur',
      kind: 'asn',
    },
    { nip: '198903252012122001', name: 'dr. Maya Sari', position: 'Dokter Ahli Pertama', workArea: 'tanjung-api-api', kind: 'asn' },
    {
      nip: '199707142023211006',
      name: 'Fajar Nugroho, A.Md.KL',
      position: 'Sanitarian Terampil',
      workArea: 'tanjung-api-api',
      kind: 'pppk',
    },
    {
      nip: '199112012017042002',
      name: 'Ns. Putri Handayani, S.Kep',
      position: 'Perawat Ahli Pertama',
      workArea: 'bandara-smb-ii',
      kind: 'asn',
    },
    {
      nip: '198704172009031003',
      name: 'Hendra Wijaya, S.KM, M.Kes',
      position: 'Epidemiolog Kesehatan Ahli Madya',
      workArea: 'bandara-smb-ii',
      kind: 'asn',
    },
    { nip: '199509282021122003', name: 'Lina Marlina, A.Md.Kep', position: 'Perawat Terampil', workArea: 'bandara-silampari', kind: 'asn' },
    {
      nip: 'OS-PLG-0007',
      name: 'Dedi Kurniawan',
      position: 'Petugas Layanan (Alih Daya)',
      workArea: 'bandara-silampari',
      kind: 'outsourced',
    },
  ],
} as const;

/** The employee the README, the embed demo and the tests use. */
export const DEMO_NIP = '199203152019032001';

/** The first office's demo admin; its password is generated on the first start and printed once. */
export const DEMO_ADMIN = 'admin';
