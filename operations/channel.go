package operations

// Channel is the medium of a contact. The zero value is not a channel:
// a contact must say where it came from.
type Channel uint8

// The channels of a contact centre.
const (
	// Phone is a voice call, the traditional channel.
	Phone Channel = iota + 1
	// Chatbot is a conversation with a bot (digital self-care).
	Chatbot
	// FAQ is a visit to help articles or a knowledge base (digital self-care).
	FAQ
	// CustomerSpace is a task done in the customer's account, on the web
	// or in an app (digital self-care).
	CustomerSpace
	// Chat is a live chat with an agent.
	Chat
	// Form is a web contact form.
	Form
	// Callback is a request to be called back.
	Callback
	// Email is an e-mail.
	Email
	// Letter is a postal letter.
	Letter
	// Messaging is a conversation on a messaging app (WhatsApp, Messenger, RCS…).
	Messaging
	// Social is a message or post on a social network.
	Social
	// SMS is a text message.
	SMS
)

const numChannels = int(SMS)

var channelNames = []string{"", "phone", "chatbot", "faq", "customer-space", "chat", "form",
	"callback", "email", "letter", "messaging", "social", "sms"}

// channelAliases holds every name ParseChannel accepts, in normalized form.
var channelAliases = map[string]Channel{
	"phone": Phone, "telephone": Phone, "téléphone": Phone, "tel": Phone, "voice": Phone, "call": Phone, "appel": Phone,
	"chatbot": Chatbot, "bot": Chatbot, "virtual-agent": Chatbot, "callbot": Chatbot, "voicebot": Chatbot,
	"faq": FAQ, "knowledge-base": FAQ, "help-center": FAQ, "help-centre": FAQ,
	"customer-space": CustomerSpace, "customer-account": CustomerSpace, "portal": CustomerSpace, "self-service-portal": CustomerSpace,
	"espace-client": CustomerSpace, "chat": Chat, "live-chat": Chat, "livechat": Chat, "tchat": Chat,
	"form": Form, "web-form": Form, "webform": Form, "contact-form": Form, "formulaire": Form,
	"callback": Callback, "call-back": Callback, "call-me-back": Callback, "rappel": Callback,
	"email": Email, "e-mail": Email, "courriel": Email, "mél": Email,
	"letter": Letter, "post": Letter, "postal-mail": Letter, "courrier": Letter, "lettre": Letter,
	"messaging": Messaging, "whatsapp": Messaging, "messenger": Messaging, "rcs": Messaging, "apple-messages": Messaging,
	"messagerie": Messaging,
	"social":     Social, "social-media": Social, "social-network": Social, "twitter": Social, "x": Social,
	"facebook": Social, "instagram": Social, "réseaux-sociaux": Social, "reseaux-sociaux": Social,
	"sms": SMS, "text": SMS, "text-message": SMS,
	// The channel names of contact-centre exports: Zendesk's "via"
	// channels (web, api and mobile are tickets from a form or an
	// integration), Genesys media types, messaging apps by product name.
	"mail": Email, "web": Form, "api": Form, "mobile": Form, "mobile-sdk": Form, "web-widget": Form,
	"instagram-direct": Messaging, "instagram-dm": Messaging, "facebook-messenger": Messaging,
	"native-messaging": Messaging, "message": Messaging, "messages": Messaging, "google-business-messages": Messaging,
	"phone-call": Phone, "voice-call": Phone, "inbound-call": Phone,
}

// Channels returns every channel, in the order of their values.
func Channels() []Channel {
	cs := make([]Channel, numChannels)
	for i := range cs {
		cs[i] = Channel(i + 1)
	}
	return cs
}

// ParseChannel reads a channel name: the canonical names String returns
// and common aliases, in any case, with spaces, hyphens or underscores:
// "téléphone", "e-mail", "courriel", "WhatsApp" (Messaging), "courrier"
// (Letter), "live chat", "espace client" (CustomerSpace), and the names
// contact-centre exports use ("Instagram Direct", "Facebook Messenger",
// Zendesk's "web" and "mail")… An unknown name fails with ErrChannel
// quoting it.
func ParseChannel(s string) (Channel, error) {
	return parseLabel(s, channelAliases, ErrChannel)
}

// String returns the canonical name: "phone", "chatbot", "faq",
// "customer-space", "chat", "form", "callback", "email", "letter",
// "messaging", "social" or "sms"; "channel(n)" for an invalid value.
func (c Channel) String() string { return label(c, channelNames, "channel") }

// Valid reports whether c is one of the defined channels.
func (c Channel) Valid() bool { return c >= Phone && c <= SMS }

// Synchronous reports whether the customer waits on line for the answer:
// Phone, Chat and Chatbot. On the other, asynchronous, channels the answer
// comes later: email, letter, form, messaging, social, SMS, and callback
// requests, answered by a call some time after they are made.
func (c Channel) Synchronous() bool {
	return c == Phone || c == Chat || c == Chatbot
}

// SelfService reports whether the customer is served without an agent:
// Chatbot, FAQ and CustomerSpace (digital self-care).
func (c Channel) SelfService() bool {
	return c == Chatbot || c == FAQ || c == CustomerSpace
}

// Digital reports whether the channel is digital: every channel but Phone
// and Letter.
func (c Channel) Digital() bool {
	return c.Valid() && c != Phone && c != Letter
}

// MarshalText returns the canonical name; an invalid channel fails with
// ErrChannel.
func (c Channel) MarshalText() ([]byte, error) { return marshalLabel(c, channelNames, ErrChannel) }

// UnmarshalText reads any name ParseChannel accepts; on error c is unchanged.
func (c *Channel) UnmarshalText(b []byte) error {
	v, err := ParseChannel(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
