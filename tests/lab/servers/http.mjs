// The lab's web server: the connectivity check URL, or a captive portal that redirects every request
// to its login page.
//   node http.mjs <listen-address> <ok|captive> <expected-body>
import { createServer } from 'node:http';

const [address, mode, body] = process.argv.slice(2);
createServer((request, response) => {
  if (mode === 'captive') {
    response.writeHead(302, { Location: 'http://login.portal.lab.test/welcome' }).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end(body);
}).listen(80, address, () => console.log('ready'));
