// Share URLs are built from a feed's product name, which is untrusted text: it must never throw.
import { expect } from '@open-wc/testing';
import { channelUrl } from '../../src/elements/recommend/share.js';

describe('share channel URLs', () => {
  it('encode a lone surrogate as U+FFFD instead of throwing URIError', () => {
    const message = { url: 'https://acme.example/p?zmot_ref=abc', text: 'Try \ud800 this', subject: 'A \udc00 gift' };
    const mail = channelUrl('email', message);
    expect(mail).to.contain('subject=A%20%EF%BF%BD%20gift');
    expect(mail).to.contain('Try%20%EF%BF%BD%20this');
    expect(channelUrl('x', message)).to.contain('text=Try%20%EF%BF%BD%20this');
  });

  it('keeps well-formed pairs (emoji) as they are', () => {
    const url = channelUrl('whatsapp', { url: 'https://a.example/', text: 'Love it 👟', subject: '' });
    expect(decodeURIComponent(url.split('text=')[1]!)).to.equal('Love it 👟 https://a.example/');
  });
});
