/** Office files that are text inside, as the detectors and importers meet them. */

/** The start of what Excel 2003 writes as "XML 电子表格 2003" (and some systems export as .xls). */
export const SPREADSHEET_ML = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="自评表"><Table><Row><Cell><Data ss:Type="String">项目名称</Data></Cell></Row></Table></Worksheet>
</Workbook>`;
/** The head of a page saved by a browser as a single file. */
export const MHTML = `From: <Saved by Blink>
Snapshot-Content-Location: http://www.example.gov.cn/zwgk/zpb.html
Subject: 项目支出绩效自评表
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="----MultipartBoundary--x"

------MultipartBoundary--x
Content-Type: text/html
Content-Transfer-Encoding: quoted-printable
`;
